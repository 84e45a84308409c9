package org.fleetdispatch.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.fleetdispatch.keystore.error.InvalidKeystoreException;

/** File operations of the keystore with the modes and failure messages it needs. */
final class KeystoreFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private KeystoreFiles() {
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidKeystoreException(dir, "cannot create directory: " + e.getMessage(), e);
        }
    }

    static void mkdirsPrivate(Path dir) {
        mkdirs(dir);
        restrict(dir, OWNER_ONLY_DIR);
    }

    static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new InvalidKeystoreException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** Writes a private key readable by its owner only; the mode is set before any key byte lands. */
    static void writeSecret(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            if (posix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new InvalidKeystoreException(file, "cannot write private key: " + e.getMessage(), e);
        }
    }

    static byte[] read(Path file) {
        requireFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidKeystoreException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    static void requireFile(Path file) {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isSymbolicLink(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                target = "?";
            }
            throw new InvalidKeystoreException(file, "dangling symbolic link to " + target);
        }
        throw new InvalidKeystoreException(file, "missing");
    }

    /** A relative symbolic link {@code link -> target}, replaced if it points elsewhere; a real file is left alone. */
    static void link(Path link, Path target) {
        try {
            Path relative = link.getParent().relativize(target);
            if (Files.isSymbolicLink(link)) {
                if (Files.readSymbolicLink(link).equals(relative)) {
                    return;
                }
                Files.delete(link);
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Files.createSymbolicLink(link, relative);
        } catch (FileAlreadyExistsException e) {
            // A concurrent creation of the same link: fine.
        } catch (IOException | UnsupportedOperationException e) {
            throw new InvalidKeystoreException(link, "cannot create symbolic link: " + e.getMessage(), e);
        }
    }

    /** Copies a file, or re-creates a symbolic link as the same (relative) link. */
    static void copyEntry(Path from, Path to) {
        try {
            if (Files.isSymbolicLink(from)) {
                Files.createSymbolicLink(to, Files.readSymbolicLink(from));
            } else {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new InvalidKeystoreException(to, "cannot copy from " + from + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> perms) {
        try {
            if (posix(path)) {
                Files.setPosixFilePermissions(path, perms);
            }
        } catch (IOException e) {
            throw new InvalidKeystoreException(path, "cannot restrict permissions: " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
