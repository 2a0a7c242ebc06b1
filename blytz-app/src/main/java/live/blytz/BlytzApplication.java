package live.blytz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Blytz, the live-stream marketplace backend. Lives in package {@code live.blytz} so that Spring Modulith
 * finds the modules {@code auth}, {@code users}, {@code catalog} and {@code sharedkernel} beneath it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Blytz", sharedModules = "sharedkernel")
public class BlytzApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlytzApplication.class, args);
    }
}
