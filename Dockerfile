# Builds the archive from this repository and runs it against the MongoDB named by SPRING_MONGODB_URI.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY archive-core/pom.xml archive-core/
COPY annotations/pom.xml annotations/
COPY archive-api/pom.xml archive-api/
RUN mvn -B -q dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app palimpsest
WORKDIR /app
# The data directory holds the first start's initial-admin-password (and the embedded store, if no URI is set).
RUN mkdir -p /app/data && chown palimpsest /app/data
COPY --from=build /src/archive-api/target/archive-api.jar /app/archive-api.jar
USER palimpsest
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/archive-api.jar"]
