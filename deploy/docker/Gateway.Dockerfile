# syntax=docker/dockerfile:1
# The gateway image. Build from the repository root:
#   docker build -f deploy/docker/Gateway.Dockerfile -t scheduler-gateway .

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
COPY Gateway/Scheduler.Gateway.csproj Gateway/
RUN dotnet restore Gateway/Scheduler.Gateway.csproj -r $RUNTIME_ID
COPY Providers/ Providers/
COPY Hosting/ Hosting/
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Scheduling/ Scheduling/
COPY ICalendar/ ICalendar/
COPY Grains/ Grains/
COPY Gateway/ Gateway/
RUN dotnet publish Gateway/Scheduler.Gateway.csproj -c Release -r $RUNTIME_ID --self-contained false --no-restore -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only serves the container health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
# The embedded SQLite store (Cluster:Provider=Sqlite, the default without configuration) needs a writable directory.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:5080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Scheduler__DataDirectory=/app/data \
    DOTNET_gcServer=1
EXPOSE 5080
# The non-root user that the .NET base images provide.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:5080/health/live || exit 1
ENTRYPOINT ["dotnet", "Scheduler.Gateway.dll"]
