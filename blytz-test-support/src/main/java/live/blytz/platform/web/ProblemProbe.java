package live.blytz.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.text.MultiLine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only endpoints that fail in every way the API can fail, so the cross-cutting error handling can be
 * checked through the real filter chain. Part of the shared test context (it lives under {@code live.blytz}).
 */
@Configuration(proxyBeanMethods = false)
class ProblemProbe {

    @Bean
    Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> probeRules() {
        return rules -> rules.requestMatchers("/test/probe/open/**", "/api/v1/test-probe/**").permitAll()
                .requestMatchers("/test/probe/admin/**").hasRole("ADMIN");
    }

    record Listing(@NotBlank @Size(min = 3, max = 200) String title, @Positive BigDecimal startingPrice,
            @Email String contactEmail) {
    }

    /** A short text and a short list: {@code @Size} counts code points for text, elements for a list. */
    record Tag(@Size(max = 5) @Nullable String label, @Size(max = 2) @Nullable List<String> aliases) {
    }

    /** Text in every shape a body can carry it: single-line, multi-line, list elements, a free-form object. */
    record Note(@Nullable String title, @MultiLine @Nullable String body, @Nullable List<String> tags,
            @Nullable ObjectNode extra) {
    }

    @RestController
    @RequestMapping("/test/probe/open")
    static class OpenEndpoints {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;

        OpenEndpoints(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
            this.jdbc = jdbc;
            this.transactions = new TransactionTemplate(transactionManager);
        }

        @PostMapping("/notes")
        Note note(@RequestBody Note note) {
            return note;
        }

        @PostMapping("/tags")
        Tag tag(@Valid @RequestBody Tag tag) {
            return tag;
        }

        @PostMapping("/listings")
        Listing create(@Valid @RequestBody Listing listing) {
            return listing;
        }

        @GetMapping("/page")
        String page(@RequestParam int page) {
            return "page " + page;
        }

        @GetMapping("/conflict")
        void conflict() {
            throw new ConflictException("The product is sold and can no longer be edited");
        }

        @GetMapping("/forbidden")
        void forbidden() {
            throw new ForbiddenException("Only the product's seller may do this");
        }

        @GetMapping("/stale")
        void stale() {
            throw new OptimisticLockingFailureException("version 3 expected, found 4");
        }

        @GetMapping("/throttled")
        void throttled() {
            throw new TooManyRequestsException("Too many login attempts", Duration.ofSeconds(42));
        }

        @GetMapping("/down")
        void down() {
            throw new DependencyUnavailableException("redis down", new IllegalStateException("connection refused"));
        }

        /**
         * PostgreSQL drops the connection in the middle of a transaction, as when the server is stopped under load:
         * the statement fails, and so does the rollback on the dead connection, which overrides the first error.
         */
        @GetMapping("/connection-lost")
        void connectionLost() {
            transactions.executeWithoutResult(status -> jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())"));
        }

        @GetMapping("/boom")
        void boom() {
            throw new IllegalStateException("secret internal detail: SELECT * FROM auth.accounts");
        }

        @RateLimited("test-strict")
        @GetMapping("/strict")
        String strict() {
            return "ok";
        }
    }

    @RestController
    @RequestMapping("/test/probe/admin")
    static class AdminEndpoints {

        @GetMapping
        String admin() {
            return "admin";
        }
    }

    /** JSON on an {@code /api} path that the OpenAPI document does not describe ({@code @Hidden}): drift. */
    @Hidden
    @RestController
    @RequestMapping("/api/v1/test-probe")
    static class UndocumentedEndpoints {

        @GetMapping("/undocumented")
        Map<String, String> undocumented() {
            return Map.of("drift", "an endpoint nobody documented");
        }
    }
}
