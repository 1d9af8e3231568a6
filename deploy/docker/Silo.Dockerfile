# syntax=docker/dockerfile:1
# The silo image. Build from the repository root:
#   docker build -f deploy/docker/Silo.Dockerfile -t scheduler-silo .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The platform the tasks run on (deploy/terraform: cpu_architecture X86_64). Restoring and publishing for it alone keeps
# the native libraries of every other platform (OR-Tools ships five) out of the image.
ARG RUNTIME_ID=linux-x64
# Restore first, from the project files only, so that source edits do not invalidate the restore layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Providers/Scheduler.Providers.Sqlite/Scheduler.Providers.Sqlite.csproj Providers/Scheduler.Providers.Sqlite/
COPY Providers/Scheduler.Providers.DynamoDB/Scheduler.Providers.DynamoDB.csproj Providers/Scheduler.Providers.DynamoDB/
COPY Hosting/Scheduler.Hosting.csproj Hosting/
COPY Grains.Interfaces/Scheduler.Grains.Interfaces.csproj Grains.Interfaces/
COPY Grains/Scheduler.Grains.csproj Grains/
COPY Scheduling/Scheduler.Scheduling.csproj Scheduling/
COPY ICalendar/Scheduler.ICalendar.csproj ICalendar/
COPY Silo/Scheduler.Silo.csproj Silo/
RUN dotnet restore Silo/Scheduler.Silo.csproj -r $RUNTIME_ID
COPY Providers/ Providers/
COPY Hosting/ Hosting/
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Scheduling/ Scheduling/
COPY ICalendar/ ICalendar/
COPY Grains/ Grains/
COPY Silo/ Silo/
RUN dotnet publish Silo/Scheduler.Silo.csproj -c Release -r $RUNTIME_ID --self-contained false --no-restore -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only serves the container health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
# The SQLite store (Cluster:Provider=Sqlite, the default without configuration) needs a writable directory.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# Silo/appsettings.json sets Urls=http://localhost:5090, and appsettings.json overrides ASPNETCORE_URLS
# (that variable feeds the host defaults, read before appsettings.json), so the unprefixed Urls
# variable, read after appsettings.json, is what opens the port to the task network.
ENV ASPNETCORE_URLS=http://+:5090 \
    Urls=http://+:5090 \
    ASPNETCORE_ENVIRONMENT=Production \
    Scheduler__DataDirectory=/app/data \
    DOTNET_gcServer=1
# 5090 serves health checks (HTTP/1.1); Orleans listens on 11111 for other silos (Cluster:SiloPort)
# and on 30000 for cluster clients (Cluster:GatewayPort), both TCP.
EXPOSE 5090
EXPOSE 11111
EXPOSE 30000
# The non-root user that the .NET base images provide.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:5090/health/live || exit 1
ENTRYPOINT ["dotnet", "Scheduler.Silo.dll"]
