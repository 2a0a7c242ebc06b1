package live.blytz;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The acceptance story against the monolith: auth and the marketplace are one server. */
@BlytzIntegrationTest
class MonolithAcceptanceTests extends TopologyAcceptanceTests {

    @Autowired
    RestTestClient http;

    @Override
    RestTestClient auth() {
        return http;
    }

    @Override
    RestTestClient marketplace() {
        return http;
    }

    @Override
    boolean eventsCross() {
        return true;
    }
}
