package io.roster.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box integration tests: each subclass gets its own Payara Micro with the built WAR at the root
 * context (Arquillian starts one per class) and a client for it on loopback.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ScimIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    protected URL url;

    protected ScimHttp http;

    @BeforeEach
    void client() {
        http = new ScimHttp(url);
    }
}
