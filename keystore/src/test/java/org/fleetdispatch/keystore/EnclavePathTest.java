package org.fleetdispatch.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fleetdispatch.keystore.error.InvalidEnclavePathException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EnclavePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/talker", "/talker_listener/talker", "/robots/acme/AGV_001", "/_x/y9"})
    void acceptsRosNamespaces(String path) {
        assertThat(EnclavePath.of(path).toString()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "talker|must be absolute",
            "/talker/|must not end with '/'",
            "/a//b|empty token",
            "/9lives|starts with a digit",
            "/a/1b|starts with a digit",
            "/robots/acme-1|'-' is not allowed",
            "/robots/acme.1|'.' is not allowed",
            "/caf\u00e9|is not allowed",
    })
    void refusesWhatRosRefuses(String path, String reason) {
        assertThatThrownBy(() -> EnclavePath.of(path))
                .isInstanceOfSatisfying(InvalidEnclavePathException.class, e -> assertThat(e.offendingValue()).isEqualTo(path))
                .hasMessageContaining(reason);
    }

    @Test
    void emptyIsNotTheRoot() {
        assertThatThrownBy(() -> EnclavePath.of("")).isInstanceOf(InvalidEnclavePathException.class).hasMessageContaining("\"/\"");
    }

    @Test
    void rootEnclaveLivesInEnclavesItself() {
        assertThat(EnclavePath.ROOT.isRoot()).isTrue();
        assertThat(EnclavePath.of("/").relativeDirectory()).isEmpty();
        assertThat(EnclavePath.of("/a/b").relativeDirectory()).isEqualTo("a/b");
        assertThat(EnclavePath.of("/a/b").commonName()).isEqualTo("/a/b");
    }

    @ParameterizedTest(name = "enclave \"{0}\" in namespace {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            // unqualified: the namespace's enclave (root at the top)
            "''|/|/",
            "''|/foo|/foo",
            // relative: pushed under the namespace
            "bar|/foo|/foo/bar",
            "bar|/|/bar",
            "bar/baz|/foo|/foo/bar/baz",
            // absolute: namespaces do not push it
            "/bar|/foo|/bar",
    })
    void resolvesAsTheEnclavesDesignSays(String enclave, String namespace, String expected) {
        assertThat(EnclavePath.resolve(enclave, namespace)).isEqualTo(EnclavePath.of(expected));
    }

    @Test
    void resolvingValidatesBothParts() {
        assertThatThrownBy(() -> EnclavePath.resolve("bar/", "/foo")).isInstanceOf(InvalidEnclavePathException.class);
        assertThatThrownBy(() -> EnclavePath.resolve("b-r", "/foo")).isInstanceOf(InvalidEnclavePathException.class);
        assertThatThrownBy(() -> EnclavePath.resolve("bar", "foo")).isInstanceOf(InvalidEnclavePathException.class);
        assertThat(EnclavePath.resolve(null, "/x")).isEqualTo(EnclavePath.of("/x"));
    }
}
