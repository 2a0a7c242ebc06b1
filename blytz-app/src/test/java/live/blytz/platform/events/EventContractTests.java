package live.blytz.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import live.blytz.TestAccounts;
import live.blytz.auth.events.EmailVerified;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * docs/asyncapi.yaml is the contract of the events that leave the JVM: every message the application sends is
 * checked against it (properties, header, payload; objects closed for the check, so a field the document does not
 * list is drift), and the document lists exactly the integration events of the code, at their versions.
 */
@EnabledIfEnvironmentVariable(named = "SPRING_RABBITMQ_HOST", matches = ".+",
        disabledReason = "no RabbitMQ configured (SPRING_RABBITMQ_HOST)")
class EventContractTests extends BrokerTestSupport {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    private static final String BASE = "https://contract.blytz.test/asyncapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode document;
    private static SchemaRegistry schemas;

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void readDocument() {
        document = YAMLMapper.builder().build().readTree(DOCUMENT.toFile());
        JsonNode closed = document.deepCopy();
        closeObjects(closed.path("components").path("schemas"));
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        schemas = SchemaRegistry.withDialect(Dialects.getDraft7(),
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(BASE, JSON.writeValueAsString(closed))));
    }

    @Test
    void everyEventAuthSendsIsWhatTheDocumentSays() {
        String queue = capture();
        TestAccounts accounts = new TestAccounts(http);
        TestAccounts.Account seller = accounts.register(Role.SELLER, "Ada", "Lovelace");
        String admin = accounts.admin().bearer();
        http.put().uri("/api/v1/auth/accounts/{id}/role", seller.id().value()).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "buyer")).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", seller.id().value()).header("Authorization", admin)
                .exchange().expectStatus().is2xxSuccessful();
        http.post().uri("/api/v1/auth/accounts/{id}/reactivate", seller.id().value()).header("Authorization", admin)
                .exchange().expectStatus().is2xxSuccessful();
        TestAccounts.Account again = accounts.login(seller.email(), seller.password());
        http.post().uri("/api/v1/auth/change-password").header("Authorization", again.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("current_password", seller.password(), "new_password", "new pw " + seller.password()))
                .exchange().expectStatus().is2xxSuccessful();
        // Verifying an address takes the token of a mail this application sends nowhere: auth's service publishes
        // the event this way, and the externalisation takes it from there.
        transactions.executeWithoutResult(status -> events.publishEvent(new EmailVerified(seller.id(), 99,
                Instant.now().truncatedTo(ChronoUnit.MICROS), seller.email())));

        Set<String> names = documentedNames().keySet();
        List<Message> sent = receiveUntil(queue, received -> ofAccount(received, seller.id().toString())
                .stream().map(m -> m.getMessageProperties().getType()).collect(Collectors.toSet()).containsAll(names));

        for (Message message : ofAccount(sent, seller.id().toString())) {
            MessageProperties properties = message.getMessageProperties();
            assertThat(properties.getContentType()).isEqualTo("application/json");
            assertThat(properties.getReceivedDeliveryMode()).hasToString("PERSISTENT");
            assertThat(properties.getReceivedRoutingKey()).isEqualTo(properties.getType());
            JsonNode documented = message(properties.getType());
            assertThat(violations(documented.path("headers"), JSON.valueToTree(properties.getHeaders())))
                    .as("headers of %s", properties.getType()).isEmpty();
            assertThat(violations(documented.path("payload"), JSON.readTree(message.getBody())))
                    .as("payload of %s: %s", properties.getType(), new String(message.getBody(), StandardCharsets.UTF_8))
                    .isEmpty();
        }
    }

    @Test
    void theDocumentListsEveryIntegrationEventAtItsVersion() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(IntegrationEvent.class));
        Map<String, Integer> inCode = scanner.findCandidateComponents("live.blytz").stream()
                .map(definition -> ClassUtils.resolveClassName(String.valueOf(definition.getBeanClassName()), null)
                        .getAnnotation(IntegrationEvent.class))
                .collect(Collectors.toMap(IntegrationEvent::name, IntegrationEvent::version, (a, b) -> a, TreeMap::new));

        assertThat(inCode).isNotEmpty().isEqualTo(documentedNames());
    }

    /** Message name -> the schema version its header schema requires. */
    private static Map<String, Integer> documentedNames() {
        Map<String, Integer> names = new TreeMap<>();
        document.path("components").path("messages").forEach(message -> names.put(message.path("name").asString(),
                resolve(message.path("headers")).path("properties").path("schema-version").path("const").asInt()));
        return names;
    }

    private static JsonNode message(String name) {
        for (JsonNode message : document.path("components").path("messages")) {
            if (message.path("name").asString().equals(name)
                    && message.path("bindings").path("amqp").path("messageType").asString().equals(name)) {
                return message;
            }
        }
        throw new AssertionError("docs/asyncapi.yaml has no message " + name);
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    private static List<String> violations(JsonNode schema, JsonNode instance) {
        String ref = schema.path("$ref").asString("");
        assertThat(ref).as("a documented schema is a $ref into components").startsWith("#/components/schemas/");
        Schema validator = schemas.getSchema(SchemaLocation.of(BASE + ref));
        return validator.validate(instance).stream().map(Object::toString).toList();
    }

    private static List<Message> ofAccount(List<Message> messages, String id) {
        return messages.stream().filter(m -> JSON.readTree(m.getBody()).path("user_id").asString().equals(id)).toList();
    }

    /** {@code additionalProperties: false} wherever a schema lists its properties and says nothing else. */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(EventContractTests::closeObjects);
        }
    }
}
