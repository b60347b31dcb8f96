# syntax=docker/dockerfile:1
# Build: docker build -t diemcau .
# Run:   docker run -p 8080:8080 -v diemcau-data:/data diemcau

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY webroot ./webroot
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system diemcau && useradd --system --gid diemcau --home-dir /app diemcau \
 && mkdir -p /app /data && chown diemcau:diemcau /data
WORKDIR /app
COPY --from=build /src/target/diemcau.jar /app/diemcau.jar
ENV DIEMCAU_PORT=8080 \
    DIEMCAU_DATA=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# DIEMCAU_DB_URL / DIEMCAU_DB_USER / DIEMCAU_DB_PASSWORD switch to MySQL/MariaDB;
# DIEMCAU_MC_TOKEN / DIEMCAU_ADMIN_TOKEN set the tokens (else generated into /data, printed once).
VOLUME ["/data"]
EXPOSE 8080
USER diemcau
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${DIEMCAU_PORT}/health" >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/diemcau.jar"]
