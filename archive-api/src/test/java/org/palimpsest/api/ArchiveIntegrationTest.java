package org.palimpsest.api;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.palimpsest.api.projection.PoisonedTimeline;
import org.palimpsest.archive.eventstore.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration suite: the whole application on a random port, over real HTTP, against
 * {@link MongoUnderTest}. All subclasses share one Spring context and one database. The login throttle runs on a
 * clock a test can move forward ({@link MovableClock}), so its window passes without waiting. A test handler in the
 * timeline projection throws on what a test poisons ({@link PoisonedTimeline}), so parking can be shown on the live
 * processors. The password encoder counts its checks ({@link PasswordChecks}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"palimpsest.samples=false", "palimpsest.read-timeout=10s",
                // The suite signs in as the demo accounts (password = name); a real start has none of them.
                "palimpsest.security.demo=true", "palimpsest.data-dir=target/integration-data"})
@Import({ArchiveIntegrationTest.Clocks.class, PoisonedTimeline.Configuration.class, PasswordChecks.Configuration.class})
public abstract class ArchiveIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoDatabase database;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        // The database name is a placeholder the Environment resolves when the URI is read, so a test that needs a
        // database (and so a context) of its own sets palimpsest.test.database; a subclass's own registration of the
        // URI would lose, since the base class's dynamic properties are registered after it.
        registry.add("spring.mongodb.uri", () -> MongoUnderTest.get().uri("${palimpsest.test.database:palimpsest_it}"));
    }

    @BeforeEach
    void announceMode() {
        // Makes the CI log say which MongoDB the suite really exercised.
        System.out.println("[integration] MongoDB under test: " + MongoUnderTest.get().mode());
    }

    protected Response get(String path, String... userAndRoleless) {
        return send(request(path, userAndRoleless).GET().build());
    }

    protected Response postJson(String path, Object body, String user) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build());
    }

    protected Response postRaw(String path, String contentType, byte[] body, String... user) {
        return send(request(path, user)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    protected HttpRequest.Builder request(String path, String... user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user.length > 0 && user[0] != null) {
            // Demo accounts (palimpsest.security.demo above): the password is the account name.
            String token = Base64.getEncoder().encodeToString((user[0] + ":" + user[0]).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its body parsed on demand. */
    protected record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean("loginThrottleClock")
        MovableClock loginThrottleClock() {
            return new MovableClock();
        }
    }
}
