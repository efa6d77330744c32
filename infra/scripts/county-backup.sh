#!/usr/bin/env bash
# Backs up ONE county database: a consistent mariadb-dump (one snapshot, no locks, no routines or events: the app has
# none) gzipped, and a manifest beside it with each table's row count and checksums, which county-restore.sh verifies.
#
# Usage: county-backup.sh DATABASE [OUTPUT_DIR]        (e.g. county-backup.sh county_410225 /backups)
# Server and account from the environment (see county-db-lib.sh): DB_HOST, DB_PORT, DB_USER, DB_PASSWORD or
# DB_DEFAULTS_FILE. The account needs SELECT, SHOW VIEW and TRIGGER on the county database (nothing else).
# Writes OUTPUT_DIR/DATABASE-<UTC time>.sql.gz and the same name with .manifest.tsv; prints both paths.
#
# The manifest must describe exactly what the dump holds. The dump reads one snapshot; the checksums read another,
# just before it and again just after it. When the two agree, nothing was written to the county meanwhile and they
# describe the dump; when they differ (people were working), the whole backup is tried again, up to
# BACKUP_ATTEMPTS (3) times, then it fails: back up a busy county in the night's quiet hours or while it is read-only.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=county-db-lib.sh
. "$HERE/county-db-lib.sh"

DB=${1:?usage: county-backup.sh DATABASE [OUTPUT_DIR]}
OUT=${2:-.}
ATTEMPTS=${BACKUP_ATTEMPTS:-3}
county_db_valid_name "$DB" || { echo "not a database name: $DB" >&2; exit 2; }
command -v mariadb-dump >/dev/null || { echo "mariadb-dump is not installed (Debian: apt-get install mariadb-client)" >&2; exit 2; }
mkdir -p "$OUT"

county_db_connect
WORK=$(mktemp -d)
trap 'county_db_disconnect; rm -rf "$WORK"' EXIT

county_db_exists "$DB" || { echo "no database $DB on the server" >&2; exit 1; }
read -r CHARSET COLLATION < <(sql -e "SELECT default_character_set_name, default_collation_name FROM information_schema.schemata WHERE schema_name = '$DB'")
SERVER=$(sql -e "SELECT VERSION()")

for attempt in $(seq 1 "$ATTEMPTS"); do
  TAKEN=$(date -u +%Y%m%dT%H%M%SZ)
  county_db_checksums "$DB" >"$WORK/before.tsv"
  # --single-transaction: one consistent snapshot without locking; --skip-add-locks: no LOCK TABLES in the file either,
  # so it restores onto a Galera cluster; --hex-blob: the encrypted ID numbers travel as hex, byte for byte;
  # no --databases: the file has no CREATE DATABASE/USE, so it restores under any name.
  mariadb-dump --defaults-extra-file="$DB_OPTS_FILE" --single-transaction --quick --skip-lock-tables --skip-add-locks \
    --hex-blob --default-character-set=utf8mb4 --no-tablespaces --skip-routines --skip-events --triggers --tz-utc \
    "$DB" | gzip -6 >"$WORK/dump.sql.gz"
  county_db_checksums "$DB" >"$WORK/after.tsv"
  if cmp -s "$WORK/before.tsv" "$WORK/after.tsv"; then
    BASE="$OUT/$DB-$TAKEN"
    mv "$WORK/dump.sql.gz" "$BASE.sql.gz"
    {
      printf 'format\tfpjc-county-backup 1\n'
      printf 'database\t%s\n' "$DB"
      printf 'charset\t%s\n' "$CHARSET"
      printf 'collation\t%s\n' "$COLLATION"
      printf 'server\t%s\n' "$SERVER"
      printf 'taken_at\t%s\n' "$TAKEN"
      printf 'dump\t%s\n' "$(basename "$BASE.sql.gz")"
      printf 'dump_sha256\t%s\n' "$(sha256sum "$BASE.sql.gz" | cut -d' ' -f1)"
      sed 's/^/table\t/' "$WORK/before.tsv"
    } >"$BASE.manifest.tsv"
    TABLES=$(wc -l <"$WORK/before.tsv")
    ROWS=$(awk -F'\t' '{ n += $2 } END { print n + 0 }' "$WORK/before.tsv")
    echo "backed up $DB: $TABLES tables, $ROWS rows, $(du -h "$BASE.sql.gz" | cut -f1) compressed" >&2
    echo "$BASE.sql.gz"
    echo "$BASE.manifest.tsv"
    exit 0
  fi
  CHANGED=$( { diff "$WORK/before.tsv" "$WORK/after.tsv" || true; } | awk -F'\t' '/^>/ { sub(/^> /, "", $1); print $1 }' | sort -u | tr '\n' ' ')
  echo "attempt $attempt: $DB was written during the backup (tables: ${CHANGED% })" >&2
  [ "$attempt" -lt "$ATTEMPTS" ] && sleep "${BACKUP_RETRY_PAUSE:-5}"
done
echo "FAILED: $DB kept changing during $ATTEMPTS backups; run it in a quiet hour or while the county is read-only" >&2
exit 1
