package live.blytz.platform.web;

import live.blytz.sharedkernel.web.EntityTags;
import live.blytz.sharedkernel.web.Versioned;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The {@code ETag} of every response whose body is one versioned resource, read or write alike: its version as a
 * strong entity tag ({@link EntityTags}), which clients send back as {@code If-Match}.
 * <p>
 * Set as the body is written, after Spring's conditional-request handling: a GET with {@code If-None-Match} gets the
 * full answer, never a 304. The version covers a resource's own fields only; what a representation shows beside them
 * (a product's view count, seller and category names, a user's account facts, a category's children) changes without
 * it, so a 304 on the version would serve those stale.
 */
@ControllerAdvice
class VersionEntityTags implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof Versioned versioned) {
            response.getHeaders().setETag(EntityTags.of(versioned.version()));
        }
        return body;
    }
}
