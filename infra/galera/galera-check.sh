#!/bin/sh
# HAProxy's health check for one Galera node (external-check): healthy only when the node is Synced (state 4) in the
# primary component, not merely accepting connections. A node that lost the quorum or is still joining answers
# queries with errors, and a donor may block, so neither takes the app's connections.
# HAProxy calls it with: <proxy address> <proxy port> <server address> <server port>.
# GALERA_CHECK_USER / GALERA_CHECK_PASSWORD: an account with no privileges is enough (SHOW STATUS).
state=$(MYSQL_PWD="${GALERA_CHECK_PASSWORD:-}" mariadb -h "$3" -P "$4" -u "${GALERA_CHECK_USER:-root}" --connect-timeout=1 -N -B \
  -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('WSREP_LOCAL_STATE','WSREP_CLUSTER_STATUS') ORDER BY VARIABLE_NAME" 2>/dev/null | tr '\n' ' ')
[ "$state" = "Primary 4 " ]
