package live.blytz.auth.internal.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import live.blytz.auth.internal.password.DeviceTokenHeaders;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.paging.PageRequest;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login, token refresh, logout and the caller's sessions. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth", description = "Registration, login, token refresh, logout and sessions")
class SessionController {

    private static final String DEVICE_COOKIE = DeviceTokenHeaders.COOKIE;
    private static final String DEVICE_HEADER = DeviceTokenHeaders.HEADER;

    private final LoginService logins;
    private final RefreshService refreshes;
    private final SessionService sessions;
    private final DeviceTokenHeaders deviceTokens;

    SessionController(LoginService logins, RefreshService refreshes, SessionService sessions,
            DeviceTokenHeaders deviceTokens) {
        this.logins = logins;
        this.refreshes = refreshes;
        this.sessions = sessions;
        this.deviceTokens = deviceTokens;
    }

    @PostMapping("/login")
    @RateLimited("auth-login")
    @SecurityRequirements
    @Operation(operationId = "login", summary = "Log in with e-mail and password",
            description = "Returns an access token (15 minutes) and a refresh token, which opens a session. "
                    + "An unknown e-mail and a wrong password get the same 401. Repeated failures per account and "
                    + "per client address impose growing waits (429 with `Retry-After`).\n\n"
                    + "**Device token** (ADR 0016): every successful login also returns a device token, as the "
                    + "cookie `" + DEVICE_COOKIE + "` (HttpOnly, Secure, SameSite=Strict, sent to this path only) "
                    + "and in the `" + DEVICE_HEADER + "` response header. A later login to the same account that "
                    + "presents it (the cookie, or for clients without cookies, such as mobile apps, the `"
                    + DEVICE_HEADER + "` request header) comes from a known device and is not held up by the waits "
                    + "that failures from other clients impose on the account, so nobody can lock the owner out. "
                    + "The token is opaque, bound to the account, valid for 90 days (by default) and renewed at every login; "
                    + "after 5 failed logins with it within 15 minutes (by default) it counts as unknown for 15 minutes. "
                    + "A password change or reset voids every device token issued before it; the client that "
                    + "confirms a reset gets a new one.")
    @ApiResponse(responseCode = "200", description = "Logged in", headers = {
            @Header(name = HttpHeaders.SET_COOKIE, description = "The device token as the cookie `" + DEVICE_COOKIE
                    + "`", schema = @Schema(type = "string")),
            @Header(name = DEVICE_HEADER, description = "The device token, for clients that keep it themselves",
                    schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SessionResponses.Tokens.class), examples = @ExampleObject("""
            {"access_token": "eyJraWQiOiJ...", "refresh_token": "kq3V1c0m0sJ9bW2X8yq5fYd0G4lHq7cEoVb7Lw2Zs4A",
             "token_type": "Bearer", "expires_in": 900,
             "user": {"id": "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e", "email": "ada@example.com", "role": "seller",
                      "status": "active", "email_verified": true, "last_login_at": "2026-11-25T14:20:00Z",
                      "created_at": "2026-11-20T09:00:00Z", "updated_at": "2026-11-25T14:20:00Z"}}""")))
    @ApiResponse(responseCode = "401", description = "Wrong e-mail or password (one message for both)")
    @ApiResponse(responseCode = "403", description = "The account is suspended")
    @ApiResponse(responseCode = "429", description = "Too many failed logins, or too many password checks at "
            + "once; see `Retry-After`")
    ResponseEntity<SessionResponses.Tokens> login(@Valid @RequestBody SessionRequests.Login request, ClientAddress client,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
            @Parameter(description = "The device token of an earlier login, for clients without cookies")
            @RequestHeader(name = DEVICE_HEADER, required = false) @Nullable String deviceHeader,
            @Parameter(description = "The device token of an earlier login, as the browser keeps it")
            @CookieValue(name = DEVICE_COOKIE, required = false) @Nullable String deviceCookie) {
        LoginService.LoggedIn loggedIn = logins.login(request.email(), request.password(),
                new ClientInfo(client, userAgent), StringUtils.hasText(deviceHeader) ? deviceHeader : deviceCookie);
        return ResponseEntity.ok()
                .headers(deviceTokens.of(loggedIn.deviceToken()))
                .body(SessionResponses.Tokens.of(loggedIn.tokens()));
    }

    @PostMapping("/refresh")
    @RateLimited("auth-refresh")
    @SecurityRequirements
    @Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for a new token pair",
            description = "The presented refresh token is spent. Presenting a spent token again revokes its whole "
                    + "session (RFC 9700 reuse detection).")
    @ApiResponse(responseCode = "200", description = "A new access and refresh token")
    @ApiResponse(responseCode = "401", description = "Unknown, spent, expired or revoked refresh token")
    SessionResponses.Tokens refresh(@Valid @RequestBody SessionRequests.Refresh request, ClientAddress client,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
        return SessionResponses.Tokens.of(refreshes.refresh(request.refreshToken(), new ClientInfo(client, userAgent)));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logout", summary = "Log out: end this session; the access token stops working at once")
    @ApiResponse(responseCode = "204", description = "Logged out")
    void logout(Caller caller, @Valid @RequestBody(required = false) SessionRequests.@Nullable Logout request) {
        sessions.logout(caller.id(), caller.sessionId(), request == null ? null : request.refreshToken());
    }

    @PostMapping("/logout-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logoutEverywhere", summary = "Log out everywhere: end every session; all of the user's access tokens stop working")
    @ApiResponse(responseCode = "204", description = "Every session ended")
    void logoutAll(Caller caller) {
        sessions.logoutAll(caller.id());
    }

    @GetMapping("/sessions")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listSessions", summary = "The caller's active sessions", description = "Newest use first; `current` marks the "
            + "session of the access token used for this request.")
    SessionResponses.SessionList list(Caller caller,
            @Parameter(description = "1-based page number") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20)")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize) {
        return SessionResponses.SessionList.of(sessions.list(caller.id(), caller.sessionId(),
                PageRequest.of(page, pageSize)));
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "endSession", summary = "End one of the caller's sessions")
    @ApiResponse(responseCode = "204", description = "Session ended")
    @ApiResponse(responseCode = "404", description = "No such active session of the caller")
    void endSession(Caller caller, @PathVariable UUID id) {
        sessions.end(caller.id(), id);
    }
}
