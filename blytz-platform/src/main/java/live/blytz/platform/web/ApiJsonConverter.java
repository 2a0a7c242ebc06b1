package live.blytz.platform.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of the API, one content-negotiation rule for every endpoint: a response body is
 * {@code application/json}, a problem is {@code application/problem+json}. Jackson's default would write any
 * {@code application/*+json} the client asks for, so {@code Accept: application/problem+json} got a product labelled
 * as a problem; now it is a 406. A response without a body (204) is not negotiated at all, so no endpoint declares
 * {@code produces}: that would turn {@code Accept} into a 406 before a bodiless handler even ran.
 * <p>
 * A request body is read to the end past values of the wrong type, which are kept for the request's 400
 * ({@link BodyTypeProblems}).
 */
final class ApiJsonConverter extends JacksonJsonHttpMessageConverter {

    ApiJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType type) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return reader;
        }
        BodyTypeProblems problems = new BodyTypeProblems();
        problems.attachTo(request);
        return reader.withAttribute(BodyTypeProblems.class, problems);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> type) {
        return ProblemDetail.class.isAssignableFrom(type) ? super.getSupportedMediaTypes(type)
                : List.of(MediaType.APPLICATION_JSON);
    }
}
