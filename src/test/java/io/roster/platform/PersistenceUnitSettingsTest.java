package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Settings of the persistence unit whose absence no functional test would notice, only the benchmark. */
class PersistenceUnitSettingsTest {

    private static final Map<String, String> properties = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        try (InputStream xml = PersistenceUnitSettingsTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml)
                    .getElementsByTagName("property");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element property = (Element) nodes.item(i);
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
        }
    }

    @Test
    void threadsWaitingForEclipseLinksLocksSleepInsteadOfSpinning() {
        assertThat(properties).containsKey("eclipselink.concurrency.manager.waittime");
        assertThat(Long.parseLong(properties.get("eclipselink.concurrency.manager.waittime")))
                .as("0, EclipseLink's default, makes every waiter spin in Condition.await(0)")
                .isPositive();
    }
}
