package com.arbalert.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackSignerTest {
    private final CallbackSigner signer = new CallbackSigner(CallbackKey.ofSecret("a-secret-of-sixteen+"));

    @Test
    void signsAndVerifies() {
        String data = signer.sign("b:3w5e11264sgsf");
        assertThat(data).startsWith("b:3w5e11264sgsf:").hasSize(32);
        assertThat(signer.verify(data)).hasValue("b:3w5e11264sgsf");
    }

    @Test
    void refusesTamperedData() {
        String data = signer.sign("b:abc");
        assertThat(signer.verify("b:abd" + data.substring(5))).isEmpty();
        assertThat(signer.verify(data.substring(0, data.length() - 1) + (data.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(signer.verify("b:abc")).isEmpty();
        assertThat(signer.verify("b:abc:%%%")).isEmpty();
        assertThat(signer.verify(null)).isEmpty();
        assertThat(new CallbackSigner(CallbackKey.ofSecret("another-secret-value")).verify(data)).isEmpty();
    }

    @Test
    void refusesDataBeyondTelegramsLimit() {
        assertThatThrownBy(() -> signer.sign("x".repeat(50))).hasMessageContaining("64 bytes");
    }

    @Test
    void aShortSecretIsRefusedAndTheKeyIsNeverPrinted() {
        assertThatThrownBy(() -> CallbackKey.ofSecret("short")).hasMessageContaining("at least 16");
        assertThat(CallbackKey.ofSecret("a-secret-of-sixteen+").toString()).doesNotContain("secret-of");
    }

    @Test
    void withoutASecretAKeyIsKeptUnderTheDataDirWithOwnerOnlyPermissions(@TempDir Path dataDir) throws Exception {
        CallbackSigner first = new CallbackSigner(CallbackKey.load("", dataDir));
        Path file = dataDir.resolve(CallbackKey.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        String data = first.sign("b:1");
        // after a restart the same file gives the same key: old buttons still verify
        assertThat(new CallbackSigner(CallbackKey.load(null, dataDir)).verify(data)).hasValue("b:1");
        // a configured secret wins over the file
        assertThat(new CallbackSigner(CallbackKey.load("configured-secret-1234", dataDir)).verify(data)).isEmpty();
    }

    @Test
    void aDamagedKeyFileIsReportedNotReplaced(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve(CallbackKey.FILE_NAME), "c2hvcnQ");
        assertThatThrownBy(() -> CallbackKey.load("", dataDir)).hasMessageContaining("too short");
        assertThat(Files.readString(dataDir.resolve(CallbackKey.FILE_NAME))).isEqualTo("c2hvcnQ");
    }
}
