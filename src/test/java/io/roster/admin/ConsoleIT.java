package io.roster.admin;

import static io.roster.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.Browser;
import io.roster.testing.Deployments;
import io.roster.testing.Reply;
import io.roster.testing.ScimHttp;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasPermissions;

/**
 * The admin console in a real headless Chromium, as an operator uses it: sign in, create a service account, copy
 * its token from the page, use it from a SCIM client, revoke it and see the client refused, find the requests in
 * the log, see them in the dashboard's chart, browse users and groups, create a realm (or see the API's reason
 * why not), keep the role and entitlement catalogs and see SCIM serve them, define an extension schema (and see
 * the server's reason when it refuses one), sign out. Skipped when chromium or chromedriver is missing;
 * screenshots in target/console-screenshots when a test fails.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    @RegisterExtension
    static final Browser browser = new Browser("#/dashboard", "#/realms", "#/accounts", "#/users", "#/groups",
            "#/log", "#/roles", "#/entitlements", "#/schemas");

    /** What the tests share, in their order. */
    static String accountName;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    ScimHttp http;

    @BeforeEach
    void setUp() {
        http = new ScimHttp(url);
        browser.pages(page -> console() + page);
    }

    private String console() {
        return http.root() + "/admin/";
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedWithAMessage() {
        browser.open(console());
        browser.visible("#sign-in-form");
        browser.type("#sign-in-name", "admin");
        browser.type("#sign-in-password", "not-the-password");
        browser.click("#sign-in-button");
        WebElement message = browser.visible("#sign-in-message");
        assertThat(message.getText()).contains("name or password is wrong");
        assertThat(browser.find("#app").isDisplayed()).isFalse();
        JsonObject failures = adminGet("/auth-failures").json();
        assertThat(failures.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void serviceAccountTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        signIn();
        accountName = "console-okta-" + unique();
        browser.click("#nav a[data-page=accounts]");
        browser.type("#account-name", accountName);
        browser.click("#create-account");

        WebElement panel = browser.visible("#token-panel .secret");
        assertThat(panel.getText()).contains("won’t see it again");
        String token = browser.visible("#new-token").getDomProperty("value");
        assertThat(token).startsWith("rst_");
        ((HasPermissions) browser.driver()).setPermission("clipboard-read", "granted");
        ((HasPermissions) browser.driver()).setPermission("clipboard-write", "granted");
        browser.click("button[data-copy=new-token]");
        browser.await("the copy button confirms", d -> browser.find("button[data-copy=new-token]").getText()
                .startsWith("Copied"));
        Object clipboard = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
        assertThat(clipboard).isEqualTo(token);
        browser.click("#token-done");
        assertThat(browser.all("#token-panel .secret")).isEmpty();

        // the token from the page works for SCIM
        Reply created = http.request("POST", "/Users").header("Authorization", "Bearer " + token)
                .header("User-Agent", "ConsoleIT/1.0")
                .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + accountName + "@example.com\"}").send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(scimGet(token).status()).isEqualTo(200);

        // revoked in the console, refused at once
        String card = ".account[data-account='" + accountName + "']";
        browser.await("the account's card", d -> browser.find(card));
        browser.click(card + " button.revoke");
        browser.visible("#confirm-dialog");
        browser.click("#confirm-ok");
        browser.await("the token shows as revoked", d -> browser.find(card + " tbody").getText().contains("revoked"));
        assertThat(browser.all(card + " button.revoke")).isEmpty();
        long deadline = System.nanoTime() + 5_000_000_000L;
        Reply refused = scimGet(token);
        while (refused.status() != 401 && System.nanoTime() < deadline) {
            refused = scimGet(token);
        }
        assertThat(refused.status()).as(refused.text()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void theRequestsAreInTheLogView() {
        signIn();
        browser.open(console() + "#/log");
        browser.type("#log-account", accountName);
        browser.click("#log-apply");
        browser.click("#log-live");
        browser.await("live mode says so", d -> browser.find("#live-text").getText().startsWith("Live: every"));
        // live mode redraws the table every few seconds: read the row's text inside the wait, which retries
        // when a redraw replaced the row between finding and reading it
        String created = browser.await("the account's POST /Users in the log", d -> browser
                .all("#log-table tbody tr[data-status='201']").stream().findFirst().map(WebElement::getText)
                .orElse(null));
        assertThat(created).contains("POST").contains("/scim/v2/Users").contains(accountName)
                .contains("ConsoleIT/1.0");
        // inside a wait too: a redraw may have emptied the table for a moment
        List<WebElement> answered = browser.await("the account's 200 answers in the log", d -> {
            List<WebElement> rows = browser.all("#log-table tbody tr[data-status='200']");
            return rows.isEmpty() ? null : rows;
        });
        assertThat(answered).isNotEmpty();
        browser.click("#log-live");

        // the refused request after revocation has no account: find it by status. The log is written within a
        // second or two, so first wait until the API has it; without live mode the page shows what it read.
        eventually(() -> adminGet("/realms/default/log?status=401").json().getJsonArray("entries"), e -> !e.isEmpty());
        // An answer to older filters that arrives late must not replace the newer one: hold back every read
        // filtered by account, apply those filters, then at once the next ones.
        browser.script("const original = window.fetch;"
                + "window.staleAnswerRead = false;"
                + "window.fetch = (input, init) => String(input).includes('serviceAccount=')"
                + "  ? new Promise(wait => setTimeout(wait, 1500)).then(() => original(input, init)).then(response => {"
                + "      const text = response.text.bind(response);"
                + "      response.text = () => text().then(body => {"
                + "        setTimeout(() => { window.staleAnswerRead = true; }, 0);"
                + "        return body; });"
                + "      return response; })"
                + "  : original(input, init);");
        browser.click("#log-apply");
        new org.openqa.selenium.support.ui.Select(browser.find("#log-status")).selectByValue("401");
        browser.find("#log-account").clear();
        browser.click("#log-apply");
        browser.await("a 401 in the log", d -> !browser.all("#log-table tbody tr[data-status='401']").isEmpty());
        browser.await("the held-back answer was read", d -> Boolean.TRUE.equals(browser.script(
                "return window.staleAnswerRead;")) ? true : null);
        assertThat(browser.all("#log-table tbody tr")).as("only the newest filters' entries")
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getAttribute("data-status")).isEqualTo("401"));
    }

    @Test
    @Order(4)
    void theDashboardChartsTheRequests() {
        signIn();
        browser.open(console() + "#/dashboard");
        browser.visible("svg#requests-chart");
        // the dashboard redraws every 30 s: read the chart inside the wait, which retries after a redraw
        ChartReading chart = browser.await("bars in the chart", d -> {
            List<WebElement> bars = browser.all("svg#requests-chart g.minute");
            if (bars.isEmpty()) {
                return null;
            }
            long total = bars.stream().mapToLong(m -> Long.parseLong(m.getAttribute("data-count"))).sum();
            return new ChartReading(total, browser.all("svg#requests-chart rect.bar.success").size(),
                    browser.all("svg#requests-chart rect.bar.client").size(),
                    Double.parseDouble(browser.find("svg#requests-chart rect.bar").getAttribute("height")));
        });
        assertThat(chart.total()).isGreaterThanOrEqualTo(3);
        assertThat(chart.successBars()).isPositive();
        assertThat(chart.clientErrorBars()).isPositive();
        assertThat(chart.firstBarHeight()).isPositive();
        List<String> kpis = browser.await("the request figures", d -> List.of(
                browser.find("#kpi-requests .value").getText(), browser.find("#kpi-error-rate .value").getText()));
        assertThat(kpis.get(0)).isNotEqualTo("0");
        assertThat(kpis.get(1)).endsWith("%");

        browser.click(".segmented button[data-minutes='60']");
        browser.await("the last hour still has bars", d -> !browser.all("svg#requests-chart g.minute").isEmpty());
    }

    @Test
    @Order(5)
    void usersAndGroupsCanBeSearchedAndRead() {
        String userName = "grace.hopper." + unique() + "@example.com";
        Reply user = http.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"Grace\",\"familyName\":\"Hopper\"},\"title\":\"Rear Admiral\","
                + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}]}");
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        String userId = user.json().getString("id");
        String groupName = "Navy " + unique();
        Reply group = http.post("/Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + groupName + "\","
                + "\"members\":[{\"value\":\"" + userId + "\"}]}");
        assertThat(group.status()).as(group.text()).isEqualTo(201);

        signIn();
        browser.open(console() + "#/users");
        browser.type("#filter", "userName zz");
        browser.click("#search");
        assertThat(browser.visible("#results .alert").getText()).contains("filter was refused")
                .contains("Expected operator");

        browser.type("#filter", "userName eq \"" + userName + "\"");
        browser.click("#search");
        WebElement row = browser.visible("#users-table tbody tr[data-id='" + userId + "']");
        assertThat(browser.all("#users-table tbody tr")).hasSize(1);
        assertThat(row.getText()).contains(userName).contains("Grace Hopper").contains("active");
        row.click();
        WebElement card = browser.visible("#card-view");
        assertThat(card.getText()).contains("Rear Admiral").contains(groupName).contains(userId);
        browser.click(".tabs button[data-tab=json]");
        String json = browser.visible("#resource-json").getText();
        assertThat(json).contains("\"id\": \"" + userId + "\"").contains("\"userName\": \"" + userName + "\"");

        browser.click(".tabs button[data-tab=card]");
        browser.visible("#card-view a[href^='#/groups/']").click();
        browser.await("the group page", d -> browser.find("h1").getText().equals(groupName));
        WebElement member = browser.visible("#members-table tbody tr[data-id='" + userId + "']");
        assertThat(member.getText()).contains(userName);

        browser.open(console() + "#/groups");
        browser.type("#filter", "displayName eq \"" + groupName + "\"");
        browser.click("#search");
        assertThat(browser.visible("#groups-table tbody tr").getText()).contains(groupName).contains("1");
    }

    @Test
    @Order(6)
    void aRealmIsCreatedOrTheApiSaysClearlyWhyNot() {
        signIn();
        String realm = "acme-" + unique();
        browser.open(console() + "#/realms");
        WebElement defaultRealm = browser.visible(".realm[data-realm=default]");
        assertThat(defaultRealm.getText()).contains(http.scim()).contains("Connect Okta");
        assertThat(browser.find("#scim-url-default").getText()).isEqualTo(http.scim());

        browser.type("#new-realm-name", realm);
        browser.click("#create-realm");
        WebElement outcome = browser.await("the realm or an error", d -> browser.maybe("#realm-message .alert")
                .or(() -> browser.maybe(".realm[data-realm='" + realm + "']")).orElse(null));
        if (outcome.getAttribute("class").contains("alert")) {
            // realms cannot be created on this server: the console shows the API's own explanation
            Reply api = http.request("POST", http.root() + "/api/admin/realms").header("Authorization", adminAuth())
                    .header("Content-Type", "application/json").body("{\"name\":\"" + realm + "\"}").send();
            assertThat(api.status()).isEqualTo(501);
            assertThat(outcome.getText()).contains("could not be created").contains(api.json().getString("error"))
                    .contains("HTTP 501");
            assertThat(browser.all(".realm[data-realm='" + realm + "']")).isEmpty();
        } else {
            assertThat(outcome.getText()).contains("/realms/" + realm + "/scim/v2");
            assertThat(browser.all("#realm-select option").stream().map(WebElement::getText)).contains(realm);
            outcome.findElement(By.cssSelector("button.danger")).click();
            browser.click("#confirm-ok");
            browser.await("the realm is gone", d -> browser.all(".realm[data-realm='" + realm + "']").isEmpty());
        }
    }

    @Test
    @Order(7)
    void rolesAndEntitlementsAreKeptInTheConsoleAndServedByScim() {
        signIn();
        String role = "console-admin-" + unique();
        browser.open(console() + "#/roles");
        assertThat(browser.visible("#roles .empty").getText()).contains("any role value").contains("default role");
        browser.type("#role-id", role);
        browser.type("#role-display-name", "Console administrator");
        browser.type("#role-description", "Everything in the console");
        browser.click("#role-default");
        browser.click("#save-role");
        String roleRow = "#roles-table tbody tr[data-id='" + role + "']";
        assertThat(browser.visible(roleRow).getText()).contains("Console administrator").contains("default");
        assertThat(browser.find("#roles-rule").getText()).contains("Only these roles");

        // edited: the id stays, the rest is replaced
        browser.click(roleRow + " button.edit");
        assertThat(browser.find("#role-id").getDomProperty("readOnly")).isEqualTo("true");
        browser.type("#role-display-name", "Administrator");
        browser.click("#save-role");
        browser.await("the edited role", d -> browser.find(roleRow).getText().contains("Administrator")
                && !browser.find(roleRow).getText().contains("Console administrator"));

        JsonObject stored = adminGet("/realms/default/roles").json().getJsonArray("roles")
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("id").equals(role)).findFirst()
                .orElseThrow();
        assertThat(stored.getString("displayName")).isEqualTo("Administrator");
        assertThat(stored.getString("description")).isEqualTo("Everything in the console");
        assertThat(stored.getBoolean("default")).isTrue();

        String entitlement = "pro-" + unique();
        browser.open(console() + "#/entitlements");
        assertThat(browser.visible("#entitlements .empty").getText()).contains("/ResourceTypes")
                .contains("Okta Identity Governance");
        browser.type("#entitlement-type", "License");
        browser.type("#entitlement-id", entitlement);
        browser.type("#entitlement-display-name", "Pro licence");
        browser.click("#save-entitlement");
        String entitlementRow = ".entitlement-type[data-type=License] tbody tr[data-id='" + entitlement + "']";
        assertThat(browser.visible(entitlementRow).getText()).contains("Pro licence");
        assertThat(browser.find(".entitlement-type[data-type=License]").getText()).contains("/Entitlements/License");
        assertThat(adminGet("/realms/default/entitlements").json().getJsonArray("entitlements")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("id").equals(entitlement)))
                .singleElement().satisfies(e -> {
                    assertThat(e.getString("type")).isEqualTo("License");
                    assertThat(e.getString("displayName")).isEqualTo("Pro licence");
                });

        // what Okta Identity Governance reads, with a read-only token of its own
        Reply account = adminPost("/realms/default/service-accounts",
                "{\"name\":\"oig-" + unique() + "\",\"scopes\":[\"scim:read\"]}");
        assertThat(account.status()).as(account.text()).isEqualTo(201);
        String token = account.json().getString("token");
        Reply roles = http.request("GET", "/Roles").header("Authorization", "Bearer " + token).send();
        assertThat(roles.status()).as(roles.text()).isEqualTo(200);
        assertThat(roles.json().getJsonArray("Resources").getValuesAs(JsonObject.class))
                .anySatisfy(r -> {
                    assertThat(r.getString("id")).isEqualTo(role);
                    assertThat(r.getString("displayName")).isEqualTo("Administrator");
                });
        Reply licences = http.request("GET", "/Entitlements/License").header("Authorization", "Bearer " + token)
                .send();
        assertThat(licences.status()).as(licences.text()).isEqualTo(200);
        assertThat(licences.text()).contains("\"" + entitlement + "\"");

        // deleted in the console, after a confirmation
        browser.click(entitlementRow + " button.delete");
        assertThat(browser.visible("#confirm-text").getText()).contains("last of its type");
        browser.click("#confirm-ok");
        browser.await("the entitlement is gone", d -> browser.maybe("#entitlements .empty").isPresent());
        assertThat(adminGet("/realms/default/entitlements").text()).doesNotContain(entitlement);

        browser.open(console() + "#/roles");
        browser.click(roleRow + " button.delete");
        browser.visible("#confirm-dialog");
        browser.click("#confirm-ok");
        browser.await("the role is gone", d -> browser.maybe("#roles .empty").isPresent());
        assertThat(adminGet("/realms/default/roles").text()).doesNotContain(role);
        assertThat(http.request("GET", "/Roles").header("Authorization", "Bearer " + token).send().json()
                .getInt("totalResults")).isZero();
    }

    /** Needs the admin API for extension schemas (GET, PUT and DELETE /api/admin/realms/{realm}/schemas/{urn}). */
    @Test
    @Order(8)
    void anExtensionSchemaIsDefinedShownAndDeleted() {
        signIn();
        String urn = "urn:ietf:params:scim:schemas:extension:console" + unique() + ":2.0:User";
        browser.open(console() + "#/schemas");
        assertThat(browser.visible("#schemas .empty").getText()).contains("URN");
        browser.click("#new-schema");
        WebElement editor = browser.visible("#schema-json");
        String example = editor.getDomProperty("value");
        assertThat(example).contains("urn:ietf:params:scim:schemas:extension:acme:2.0:User")
                .contains("\"platformRole\"").contains("\"OPERATOR\"");

        // refused by the server: the console shows the server's own reason
        String invalid = example.replace("acme", urn.split(":")[6]).replace("\"string\"", "\"text\"");
        browser.script("arguments[0].value = arguments[1]", editor, invalid);
        browser.click("#save-schema");
        WebElement refusal = browser.visible("#schema-message .alert");
        Reply api = adminPut("/realms/default/schemas/" + URLEncoder.encode(urn, StandardCharsets.UTF_8),
                "{\"resourceType\":\"User\",\"schema\":" + invalid + "}");
        assertThat(api.status()).as(api.text()).isEqualTo(400);
        assertThat(refusal.getText()).contains("refused").contains(api.json().getString("error"))
                .contains("HTTP 400");

        browser.script("arguments[0].value = arguments[1]", editor, example.replace("acme", urn.split(":")[6]));
        browser.click("#save-schema");
        WebElement attribute = browser.visible("#attributes-table tr[data-attribute=platformRole]");
        assertThat(attribute.getText()).contains("string").contains("ADMIN").contains("MEMBER").contains("OPERATOR")
                .contains("readWrite");
        assertThat(browser.find("#schema-urn").getText()).isEqualTo(urn);
        assertThat(browser.find("#schema-sample").getText()).contains("\"" + urn + "\": {")
                .contains("\"platformRole\": \"ADMIN\"");
        assertThat(adminGet("/realms/default/schemas/" + URLEncoder.encode(urn, StandardCharsets.UTF_8)).status())
                .isEqualTo(200);

        browser.click(".breadcrumb a");
        WebElement row = browser.visible("#schemas-table tbody tr[data-urn='" + urn + "']");
        assertThat(row.getText()).contains("User").contains("1");
        row.click();
        browser.click("#delete-schema");
        browser.visible("#confirm-dialog");
        browser.click("#confirm-ok");
        browser.await("the schema is gone", d -> browser.maybe("#schemas .empty").isPresent());
        assertThat(adminGet("/realms/default/schemas/" + URLEncoder.encode(urn, StandardCharsets.UTF_8)).status())
                .isEqualTo(404);
    }

    @Test
    @Order(9)
    void signingOutEndsTheSession() {
        signIn();
        browser.click("#sign-out");
        assertThat(browser.visible("#sign-in-message").getText()).contains("signed out");
        browser.open(console() + "#/accounts");
        browser.visible("#sign-in-form");
        assertThat(browser.find("#app").isDisplayed()).isFalse();
    }

    private record ChartReading(long total, int successBars, int clientErrorBars, double firstBarHeight) {
    }

    private void signIn() {
        if (!browser.driver().getCurrentUrl().startsWith(console())) {
            browser.open(console());
        }
        browser.await("the console or its sign-in", d -> browser.find("#app").isDisplayed()
                || browser.find("#sign-in").isDisplayed());
        if (browser.find("#app").isDisplayed()) {
            return;
        }
        browser.type("#sign-in-name", "admin");
        browser.type("#sign-in-password", ADMIN_PASSWORD);
        browser.click("#sign-in-button");
        browser.visible("#app");
        assertThat(browser.find("#who").getText()).isEqualTo("admin");
    }

    private Reply scimGet(String token) {
        return http.request("GET", "/Users?count=1").header("Authorization", "Bearer " + token)
                .header("User-Agent", "ConsoleIT/1.0").send();
    }

    private Reply adminGet(String path) {
        return http.request("GET", http.root() + "/api/admin" + path).header("Authorization", adminAuth()).send();
    }

    private Reply adminPost(String path, String json) {
        return adminSend("POST", path, json);
    }

    private Reply adminPut(String path, String json) {
        return adminSend("PUT", path, json);
    }

    private Reply adminSend(String method, String path, String json) {
        return http.request(method, http.root() + "/api/admin" + path).header("Authorization", adminAuth())
                .header("Content-Type", "application/json").body(json).send();
    }

    private static String adminAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
