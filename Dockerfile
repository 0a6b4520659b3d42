# secreview in a container: `docker build -t secreview .` then
# `docker run --rm -v "$PWD:/src" -w /src secreview scan .` (or `review --git origin/main`).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
COPY --from=build /build/cli/target/secreview.jar /opt/secreview/secreview.jar
# The repository under review is mounted here; git refuses to read a repository owned by another user otherwise.
RUN printf '[safe]\n\tdirectory = *\n' > /etc/gitconfig
WORKDIR /src
# The JVM options bin/secreview runs a review with (docs/SPEED.md, "The JVM").
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/opt/secreview/secreview.jar"]
CMD ["--help"]
