# syntax=docker/dockerfile:1
# Blytz: build the fat jar, extract its layers, run them on a JRE as a non-root user.
#   docker build -t blytz .
#   docker run -p 8080:8080 --env-file .env blytz      (see .env.example; prod needs PostgreSQL and Redis)

# ---- build ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY blytz-shared-kernel/ blytz-shared-kernel/
COPY blytz-test-support/ blytz-test-support/
COPY blytz-platform/ blytz-platform/
COPY blytz-auth/ blytz-auth/
COPY blytz-users/ blytz-users/
COPY blytz-catalog/ blytz-catalog/
COPY blytz-auctions/ blytz-auctions/
COPY blytz-app/ blytz-app/
# The cache mount keeps Maven's downloads between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package
WORKDIR /src/blytz-app/target
RUN java -Djarmode=tools -jar blytz-app.jar extract --layers --launcher --destination extracted

# ---- runtime ----
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 blytz \
 && useradd --system --uid 10001 --gid blytz --no-create-home --home-dir /app --shell /usr/sbin/nologin blytz
WORKDIR /app
# Least to most frequently changed, so a code change rebuilds only the last layer.
COPY --from=build /src/blytz-app/target/extracted/dependencies/ ./
COPY --from=build /src/blytz-app/target/extracted/spring-boot-loader/ ./
COPY --from=build /src/blytz-app/target/extracted/snapshot-dependencies/ ./
COPY --from=build /src/blytz-app/target/extracted/application/ ./
USER 10001:10001
# prod: no embedded servers; SPRING_DATASOURCE_URL or DATABASE_URL, REDIS_URL and the secrets must be set.
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
# No HEALTHCHECK: the JRE image has no curl. Compose / Kubernetes probe
# /actuator/health/liveness and /actuator/health/readiness instead.
# Extra JVM flags: set JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
