package org.palimpsest.api.user.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.api.PasswordChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Administrators manage accounts over HTTP; every change is in the audit stream, no password or hash ever is. */
class UserApiTest extends ArchiveIntegrationTest {

    @Autowired
    PasswordEncoder encoder;

    private PasswordChecks checks;

    @BeforeEach
    void countChecks() {
        checks = (PasswordChecks) encoder;
    }

    @Test
    void anAddedAccountSignsInAndItsRoleChangesTakeEffectAndAreAudited() {
        String name = "ines-" + UUID.randomUUID().toString().substring(0, 6);
        Response added = postJson("/api/admin/users", Map.of("name", name, "roles", List.of("annotator")), "admin");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/admin/users/" + name);
        String password = added.json().get("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(roles(added.json())).containsExactly("annotator");

        assertThat(as(name, password, "GET", "/api/audit/events?type=None").status()).isEqualTo(403);
        Response granted = as("admin", "admin", "PUT", "/api/admin/users/" + name + "/roles/auditor", "{\"reason\":\"reviews the log\"}");
        assertThat(granted.status()).isEqualTo(200);
        assertThat(roles(granted.json())).containsExactly("annotator", "auditor");
        assertThat(as(name, password, "GET", "/api/audit/events?type=None").status()).isEqualTo(200);
        assertThat(as("admin", "admin", "DELETE", "/api/admin/users/" + name + "/roles/auditor", null).status()).isEqualTo(200);
        assertThat(as(name, password, "GET", "/api/audit/events?type=None").status()).isEqualTo(403);

        String chosen = "a-long-enough-password-" + name;
        assertThat(as("admin", "admin", "PUT", "/api/admin/users/" + name + "/password",
                "{\"password\":\"" + chosen + "\"}").json().has("password")).isFalse();
        assertThat(as(name, password, "GET", "/api/documents").status()).isEqualTo(401);
        assertThat(as(name, chosen, "GET", "/api/documents").status()).isEqualTo(200);
        Response own = as(name, chosen, "PUT", "/api/account/password", null);
        assertThat(own.status()).isEqualTo(200);
        String generated = own.json().get("password").asString();
        assertThat(as(name, generated, "GET", "/api/documents").status()).isEqualTo(200);

        Response audit = get("/api/audit/events?document=user:" + name, "auditor");
        List<JsonNode> lines = audit.raw().body().lines().map(JSON::readTree).toList();
        assertThat(lines).extracting(l -> l.get("type").asString())
                .containsExactly("UserAdded", "RoleGranted", "RoleRevoked", "PasswordChanged", "PasswordChanged");
        assertThat(lines).extracting(l -> l.get("actor").asString()).containsExactly("admin", "admin", "admin", "admin", name);
        assertThat(lines.get(1).get("reason").asString()).isEqualTo("reviews the log");
        assertThat(audit.raw().body()).doesNotContain(password).doesNotContain(chosen).doesNotContain(generated)
                .doesNotContain("{bcrypt}").doesNotContain("$2a$");
        assertThat(get("/api/admin/events/export", "admin").raw().body()).doesNotContain("{bcrypt}").doesNotContain(chosen);
    }

    @Test
    void aSignedInAccountPaysTheSlowHashOnceWhileAChangedPasswordOrRevokedRoleCountsAtOnce() {
        String name = "hugo-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "hugo-password-" + name;
        postJson("/api/admin/users", Map.of("name", name, "roles", List.of("annotator", "auditor"), "password", password),
                "admin");
        assertThat(as(name, password, "GET", "/api/audit/events?type=None").status()).isEqualTo(200);
        int afterFirst = checks.count();
        for (int i = 0; i < 3; i++) {
            assertThat(as(name, password, "GET", "/api/audit/events?type=None").status()).isEqualTo(200);
        }
        assertThat(checks.count()).as("password checks after the first sign-in").isEqualTo(afterFirst);

        assertThat(as("admin", "admin", "DELETE", "/api/admin/users/" + name + "/roles/auditor", null).status()).isEqualTo(200);
        assertThat(as(name, password, "GET", "/api/audit/events?type=None").status()).isEqualTo(403);

        String chosen = "hugo-chosen-password-" + name;
        assertThat(as("admin", "admin", "PUT", "/api/admin/users/" + name + "/password",
                "{\"password\":\"" + chosen + "\"}").status()).isEqualTo(200);
        int beforeOld = checks.count();
        assertThat(as(name, password, "GET", "/api/documents?size=1").status()).isEqualTo(401);
        assertThat(as(name, password, "GET", "/api/documents?size=1").status()).isEqualTo(401);
        assertThat(checks.count()).as("a wrong password is checked every time").isEqualTo(beforeOld + 2);
        assertThat(as(name, chosen, "GET", "/api/documents?size=1").status()).isEqualTo(200);
        assertThat(as(name, chosen, "GET", "/api/documents?size=1").status()).isEqualTo(200);
        assertThat(checks.count()).isEqualTo(beforeOld + 3);
    }

    @Test
    void refusalsNameTheFieldAtFault() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(postJson("/api/admin/users", Map.of("name", name, "roles", List.of("reader")), "admin").status()).isEqualTo(201);

        Response again = postJson("/api/admin/users", Map.of("name", name, "roles", List.of("reader")), "admin");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("parameter").asString()).isEqualTo("name");

        Response badRole = postJson("/api/admin/users", Map.of("name", name + "x", "roles", List.of("owner")), "admin");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("parameter").asString()).isEqualTo("role");

        Response badName = postJson("/api/admin/users", Map.of("name", "Two Words", "roles", List.of("reader")), "admin");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("parameter").asString()).isEqualTo("name");

        Response shortPassword = postJson("/api/admin/users", Map.of("name", name + "y", "roles", List.of("reader"), "password", "short"), "admin");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("parameter").asString()).isEqualTo("password");
        assertThat(get("/api/admin/users/" + name + "y", "admin").status()).isEqualTo(404);

        assertThat(postJson("/api/admin/users", Map.of("name", name + "z", "roles", List.of("reader")), "editor").status()).isEqualTo(403);
    }

    @Test
    void anAdministratorCannotRevokeTheirOwnAdminRole() {
        String chief = "chief-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "chief-password-" + chief;
        postJson("/api/admin/users", Map.of("name", chief, "roles", List.of("admin"), "password", password), "admin");
        Response refused = as(chief, password, "DELETE", "/api/admin/users/" + chief + "/roles/admin", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(as(chief, password, "GET", "/api/admin/users").status()).isEqualTo(200);
    }

    @Test
    void aDemoSignInCannotSetThePasswordOfARealAccountOfTheSameName() {
        String password = "real-reader-" + UUID.randomUUID();
        Response added = postJson("/api/admin/users", Map.of("name", "reader", "roles", List.of("reader"), "password", password), "admin");
        assertThat(added.status()).as(added.raw().body()).isIn(201, 409);
        Response refused = as("reader", "reader", "PUT", "/api/account/password", "{\"password\":\"taken-over-by-demo\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(as("reader", "taken-over-by-demo", "GET", "/api/documents?size=1").status()).isEqualTo(401);
    }

    private Response as(String name, String password, String method, String path) {
        return as(name, password, method, path, null);
    }

    private Response as(String name, String password, String method, String path, String json) {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = request(path).header("Authorization", "Basic " + basic);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static List<String> roles(JsonNode account) {
        return account.get("roles").valueStream().map(JsonNode::asString).toList();
    }
}
