# syntax=docker/dockerfile:1
# Blytz: build the fat jar, extract it in layers, train the JDK's AOT cache, run it on a JRE as a non-root user.
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
COPY blytz-app/ blytz-app/
# The cache mount keeps Maven's downloads between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package
WORKDIR /src/blytz-app/target
# Plain jars (lib/*.jar and blytz-app.jar with a Class-Path), not the nested launcher: the AOT cache needs them.
RUN java -Djarmode=tools -jar blytz-app.jar extract --layers --destination extracted

# ---- runtime ----
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 blytz \
 && useradd --system --uid 10001 --gid blytz --no-create-home --home-dir /app --shell /usr/sbin/nologin blytz
WORKDIR /app
# Least to most frequently changed, so a code change rebuilds only the last layers.
COPY --from=build /src/blytz-app/target/extracted/dependencies/ ./
COPY --from=build /src/blytz-app/target/extracted/snapshot-dependencies/ ./
COPY --from=build /src/blytz-app/launch/jvm.options /src/blytz-app/launch/run.sh /src/blytz-app/launch/train.sh ./
COPY --from=build /src/blytz-app/target/extracted/application/ ./
# The AOT cache's training run (ADR 0026): this JRE, these jars and jvm.options, the prod profile, up to the end of
# the context refresh. No database or Redis is reachable while an image builds, so the embedded ones stand in
# (as the image's user: PostgreSQL refuses root), with throw-away settings; the real ones come with `docker run`.
RUN chown blytz /app
USER 10001:10001
RUN mkdir /tmp/training \
 && JAVA_OPTS=-Djava.io.tmpdir=/tmp/training ./train.sh --spring.profiles.active=prod \
      --blytz.embedded.enabled=true --blytz.embedded.data-dir=/tmp/training/data --server.port=0 \
      --blytz.prod.required-settings= --blytz.paging.cursor-keys=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
 && rm -rf /tmp/training
# prod: no embedded servers; SPRING_DATASOURCE_URL or DATABASE_URL, REDIS_URL and the secrets must be set.
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
# No HEALTHCHECK: the JRE image has no curl. Compose / Kubernetes probe
# /actuator/health/liveness and /actuator/health/readiness instead.
# JVM flags: blytz-app/launch/jvm.options (heap and native memory sized for a container of 512 MB or more), with the
# AOT cache and MALLOC_ARENA_MAX=2 added by run.sh; extra or overriding flags: JAVA_OPTS.
ENTRYPOINT ["./run.sh"]
