package io.roster.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests deploy the WAR the build produced, unchanged, at the root context (as the bundle does). */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive roster() {
        File war = new File(System.getProperty("roster.war", "target/roster.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
