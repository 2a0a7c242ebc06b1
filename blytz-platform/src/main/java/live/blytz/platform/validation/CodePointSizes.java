package live.blytz.platform.validation;

import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @Size} on text counts code points, not UTF-16 code units: springdoc publishes every {@code @Size} as
 * {@code minLength}/{@code maxLength}, which JSON Schema counts in code points, so a title of 150 emoji that the
 * schema allows must not be refused as 300 "characters". Hibernate Validator refuses two validators for one type, so
 * the built-in {@code @Size} validators are replaced as a whole, with those for containers kept equivalent.
 */
@Configuration(proxyBeanMethods = false)
class CodePointSizes {

    @Bean
    ValidationConfigurationCustomizer sizeInCodePoints() {
        return configuration -> {
            HibernateValidatorConfiguration hibernate = (HibernateValidatorConfiguration) configuration;
            ConstraintMapping mapping = hibernate.createConstraintMapping();
            mapping.constraintDefinition(Size.class).includeExistingValidators(false)
                    .validatedBy(SizeValidators.OfText.class)
                    .validatedBy(SizeValidators.OfCollection.class)
                    .validatedBy(SizeValidators.OfMap.class)
                    .validatedBy(SizeValidators.OfArray.class);
            hibernate.addMapping(mapping);
        };
    }
}
