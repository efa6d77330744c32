#!/usr/bin/env bash
# Restores a county backup (county-backup.sh) into a NEW database and verifies it against the backup's manifest:
# the same tables, and in each the same row count and checksums. Never overwrites: an existing database is refused.
#
# Usage: county-restore.sh BACKUP.sql.gz NEW_DATABASE           restore, then verify
#        county-restore.sh --verify MANIFEST.tsv DATABASE       verify an existing database only
# Server and account from the environment (see county-db-lib.sh). The account needs CREATE on NEW_DATABASE and the
# usual DDL/DML there (CREATE, ALTER, INDEX, INSERT, SELECT, REFERENCES).
# Exit 0 when every table matches; 1 on any difference (listed), or when the restore itself failed (the half-restored
# database is left for inspection and named in the message: drop it yourself).
#
# Putting a county back in service under the restored database is a control-plane step (the tenant's database),
# described in infra/k8s/README.md; this script only makes and proves the copy.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=county-db-lib.sh
. "$HERE/county-db-lib.sh"

usage() { echo "usage: county-restore.sh BACKUP.sql.gz NEW_DATABASE | --verify MANIFEST.tsv DATABASE" >&2; exit 2; }
manifest_value() { awk -F'\t' -v k="$1" '$1 == k { print $2; exit }' "$MANIFEST"; }

verify() { # $1 = database; compares it with $MANIFEST, prints a report
  local db=$1 expected actual
  expected=$(mktemp); actual=$(mktemp)
  awk -F'\t' 'BEGIN { OFS = "\t" } $1 == "table" { print $2, $3, $4, $5 }' "$MANIFEST" >"$expected"
  county_db_checksums "$db" >"$actual"
  local status=0
  # Joined by table name: every table of either side, with what differs.
  local report
  report=$(awk -F'\t' '
    NR == FNR { want[$1] = $2 "\t" $3 "\t" $4; rows[$1] = $2; next }
    { have[$1] = $2 "\t" $3 "\t" $4; hrows[$1] = $2 }
    END {
      for (t in want) {
        if (!(t in have)) { print "MISSING\t" t "\t" rows[t] " rows in the backup, table absent"; bad++ }
        else if (want[t] != have[t]) {
          if (rows[t] != hrows[t]) print "DIFFERS\t" t "\t" rows[t] " rows in the backup, " hrows[t] " restored"
          else print "DIFFERS\t" t "\t" rows[t] " rows, same count but different content (checksum)"
          bad++
        } else { ok++; n += rows[t] }
      }
      for (t in have) if (!(t in want)) { print "EXTRA\t" t "\t" hrows[t] " rows, not in the backup"; bad++ }
      printf "SUMMARY\t%d tables match (%d rows), %d differ\n", ok, n, bad
      exit (bad > 0)
    }' "$expected" "$actual") || status=1
  rm -f "$expected" "$actual"
  printf '%s\n' "$report" | sort
  if [ $status = 0 ]; then echo "VERIFIED: $db equals the backup of $(manifest_value database) taken $(manifest_value taken_at)"; else
    echo "NOT VERIFIED: $db differs from the backup of $(manifest_value database) taken $(manifest_value taken_at)" >&2; fi
  return $status
}

[ $# = 2 ] || [ $# = 3 ] || usage
county_db_connect
trap 'county_db_disconnect' EXIT

if [ "$1" = --verify ]; then
  [ $# = 3 ] || usage
  MANIFEST=$2 DB=$3
  county_db_valid_name "$DB" || { echo "not a database name: $DB" >&2; exit 2; }
  county_db_exists "$DB" || { echo "no database $DB on the server" >&2; exit 1; }
  verify "$DB"
  exit $?
fi

DUMP=$1 DB=$2
MANIFEST=${DUMP%.sql.gz}.manifest.tsv
[ -f "$DUMP" ] || { echo "no backup file $DUMP" >&2; exit 2; }
[ -f "$MANIFEST" ] || { echo "no manifest $MANIFEST beside the backup" >&2; exit 2; }
[ "$(manifest_value format)" = "fpjc-county-backup 1" ] || { echo "$MANIFEST is not a county backup manifest" >&2; exit 2; }
county_db_valid_name "$DB" || { echo "not a database name: $DB" >&2; exit 2; }
if [ "$(sha256sum "$DUMP" | cut -d' ' -f1)" != "$(manifest_value dump_sha256)" ]; then
  echo "REFUSED: $DUMP is not the file the manifest describes (sha256 differs): damaged or replaced" >&2; exit 1
fi
if county_db_exists "$DB"; then
  echo "REFUSED: database $DB already exists; a restore never overwrites, choose a new name" >&2; exit 1
fi

CHARSET=$(manifest_value charset) COLLATION=$(manifest_value collation)
[[ "$CHARSET" =~ ^[a-z0-9_]+$ && "$COLLATION" =~ ^[a-z0-9_]+$ ]] || { echo "bad charset in the manifest" >&2; exit 2; }
# Plain CREATE DATABASE (not IF NOT EXISTS): if another restore took the name since the check, this fails instead of mixing.
sql -e "CREATE DATABASE \`$DB\` CHARACTER SET $CHARSET COLLATE $COLLATION"
START=$(date +%s)
if ! gunzip -c "$DUMP" | sql "$DB"; then
  echo "FAILED: the restore into $DB stopped with an error; $DB is left as it is for inspection (drop it before retrying)" >&2
  exit 1
fi
echo "restored $(manifest_value database) ($(manifest_value taken_at)) into $DB in $(( $(date +%s) - START )) s" >&2
verify "$DB"
