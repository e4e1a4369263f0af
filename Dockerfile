# syntax=docker/dockerfile:1
# The autoscale-chat image: one image for the four services, the service chosen by the command
# (`producer`, `autoscaler`, `balancer`, `metrics`), configured by AUTOSCALE_CHAT_* variables.
# docker-compose.yml builds it; `docker build -t autoscale-chat .` builds it alone.

# Build stage: the same Maven build as a developer's, tests left to `mvn -B verify`.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds without putting them in a layer.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# Runtime stage: a JRE, the launcher jar and its lib/ folder of dependency jars, a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 chat \
    && useradd --system --uid 10001 --gid chat --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin chat \
    && mkdir -p /app /reports /traces \
    && chown chat:chat /reports
WORKDIR /app
# The jar's manifest names its dependencies as lib/<jar>: the two must stay side by side.
COPY --from=build /src/launcher/target/lib/ /app/lib/
COPY --from=build /src/launcher/target/autoscale-chat.jar /app/autoscale-chat.jar
COPY --chmod=0755 docker/service-healthcheck.sh /app/healthcheck.sh
USER chat
ENTRYPOINT ["java", "-jar", "/app/autoscale-chat.jar"]
