#!/usr/bin/env bash
# Runs the app's integration tests against a real MariaDB/MySQL server through the external
# database path (QUARKUS_DATASOURCE_* instead of the embedded server), as a least-privilege user
# that may only touch the control database and the tenant databases, then smoke-tests the
# production package (no embedded server inside) against the same server, including a restart.
# Needs: root access to the server (for the grants) via the mariadb client.
set -euo pipefail
cd "$(dirname "$0")/../.."

HOST=${DB_HOST:-127.0.0.1}
PORT=${DB_PORT:-3306}
ROOT_SQL=(mariadb -h "$HOST" -P "$PORT" -u "${DB_ROOT_USER:-root}")
[ -n "${DB_ROOT_PASSWORD:-}" ] && ROOT_SQL+=(-p"$DB_ROOT_PASSWORD")
APP_USER=fpjc_ci
APP_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)

reset_databases() { # $1 = control database, $2 = tenant database prefix
  local dbs
  dbs=$("${ROOT_SQL[@]}" -N -e "SELECT schema_name FROM information_schema.schemata WHERE schema_name = '$1' OR schema_name LIKE '${2//_/\\_}%'")
  for db in $dbs; do "${ROOT_SQL[@]}" -e "DROP DATABASE \`$db\`"; done
}

grant_least_privilege() { # $1 = control database, $2 = tenant database prefix
  # Only what the app does: DDL and DML on its own databases, CREATE for new tenant databases. No global privileges.
  "${ROOT_SQL[@]}" -e "
    CREATE USER IF NOT EXISTS '$APP_USER'@'127.0.0.1' IDENTIFIED BY '$APP_PASSWORD';
    CREATE USER IF NOT EXISTS '$APP_USER'@'localhost' IDENTIFIED BY '$APP_PASSWORD';
    ALTER USER '$APP_USER'@'127.0.0.1' IDENTIFIED BY '$APP_PASSWORD';
    ALTER USER '$APP_USER'@'localhost' IDENTIFIED BY '$APP_PASSWORD';
    GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON \`$1\`.* TO '$APP_USER'@'127.0.0.1', '$APP_USER'@'localhost';
    GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON \`${2//_/\\_}%\`.* TO '$APP_USER'@'127.0.0.1', '$APP_USER'@'localhost';"
}

URL_OPTS="useUnicode=true&characterEncoding=utf8&connectionCollation=utf8mb4_unicode_ci"

echo "== Integration tests against $HOST:$PORT as least-privilege user $APP_USER"
reset_databases fpjc_control_ci ci_county_
grant_least_privilege fpjc_control_ci ci_county_
"${ROOT_SQL[@]}" -e "CREATE DATABASE fpjc_control_ci CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# The user cannot read another application's database: prove the grants are really narrow.
if mariadb -h "$HOST" -P "$PORT" -u "$APP_USER" -p"$APP_PASSWORD" -e 'SELECT 1 FROM mysql.user LIMIT 1' >/dev/null 2>&1; then
  echo "least-privilege user can read mysql.user: grants are too wide" >&2; exit 1
fi
# TwoReplicasIT (failsafe, and kept out of surefire's -Dtest list) brings its own embedded server and two app processes;
# the embedded run covers it.
./mvnw -B -pl app -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false -Dtest='!BrowserSmokeTest,!*IT' \
  -Dfpjc.test.external-jdbc-url="jdbc:mysql://$HOST:$PORT/fpjc_control_ci?$URL_OPTS" \
  -Dfpjc.test.external-username="$APP_USER" -Dfpjc.test.external-password="$APP_PASSWORD" \
  -Dfpjc.test.database-prefix=ci_county_

echo "== Production package smoke test"
reset_databases fpjc_control_smoke smoke_county_
grant_least_privilege fpjc_control_smoke smoke_county_
"${ROOT_SQL[@]}" -e "CREATE DATABASE fpjc_control_smoke CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
bash infra/scripts/smoke-production.sh "$HOST" "$PORT" "$APP_USER" "$APP_PASSWORD"

echo "== Backup and restore of one county (uses the package the smoke test built)"
bash infra/scripts/test-backup-restore.sh
