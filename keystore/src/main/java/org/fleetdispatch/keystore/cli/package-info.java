/**
 * The {@code fleetdispatch keystore} command-line tool (picocli). Each command declares its
 * options and calls one library operation; no PKI logic lives here. A library failure becomes
 * one line on stderr ({@code error: <file>: <reason>}) and exit code 1; a command line picocli
 * cannot parse exits with 2 and the usage.
 */
package org.fleetdispatch.keystore.cli;
