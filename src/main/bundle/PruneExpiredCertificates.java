import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * Takes the expired certificates out of the trust store in the runnable bundle ({@code MICRO-INF/domain/cacerts.p12},
 * Payara Micro's own, copied into every bundle). At every start Payara logs a WARNING with a 70-line dump for each
 * expired certificate in it (five in Payara Micro 6.2025.10 by 2026-11-27), so every start of Roster began with
 * warnings about nothing Roster does. An expired certificate validates no connection; the valid ones stay.
 *
 * <p>Run by the build right after it makes the bundle (pom.xml, execution {@code bundle-trust-store}), with the JDK
 * alone: {@code java src/main/bundle/PruneExpiredCertificates.java target/roster.jar}.
 */
public class PruneExpiredCertificates {

    private static final String TRUST_STORE = "MICRO-INF/domain/cacerts.p12";
    /** Payara's master password, which the bundle's stores keep (Payara Micro opens them with it). */
    private static final char[] PASSWORD = "changeit".toCharArray();

    public static void main(String[] args) throws Exception {
        try (FileSystem bundle = FileSystems.newFileSystem(Path.of(args[0]))) {
            Path storeFile = bundle.getPath(TRUST_STORE);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(storeFile)) {
                store.load(in, PASSWORD);
            }
            Date now = new Date();
            List<String> expired = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (expired(store.getCertificate(alias), now)) {
                    expired.add(alias);
                }
            }
            Collections.sort(expired);
            for (String alias : expired) {
                store.deleteEntry(alias);
            }
            try (OutputStream out = Files.newOutputStream(storeFile)) {
                store.store(out, PASSWORD);
            }
            System.out.println("Bundle trust store: " + store.size() + " certificates; removed " + expired.size()
                    + " expired" + (expired.isEmpty() ? "" : " " + expired));
        }
    }

    private static boolean expired(Certificate certificate, Date now) {
        return certificate instanceof X509Certificate x509 && x509.getNotAfter().before(now);
    }
}
