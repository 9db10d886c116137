#!/usr/bin/env bash
# Installs and configures a PostgreSQL 15 server for a department's ALPR store, on Debian 12, as root:
#   bash installer/department-server.sh --host NAME [--allow CIDR] [--port PORT] [--database NAME]
#
#   --host NAME      the name workstations connect to; the server's certificate is made for it
#   --allow CIDR     the workstations' network (default: 127.0.0.1/32, this machine only)
#   --port PORT      default 5432
#   --database NAME  default alpr
#
# What it does (docs/server.md, "Setting one up"): installs postgresql-15 and postgis from Debian; creates or reuses
# Debian's cluster 15/main; makes a private certificate authority and a server certificate for --host (the CA's key
# stays in /etc/postgresql/15/main/alpr-ca, 0700); turns on TLS, SCRAM-SHA-256 passwords and listening on the
# network; lets only TLS connections with passwords from --allow in (no plain TCP, no trust); creates the store's
# owner role (alpr_owner, CREATEROLE, a random password written to /root/.pgpass) and an empty database with byte
# order collation. It prints the one command that makes the store and what each workstation needs (the CA
# certificate as ~/.postgresql/root.crt). Running it again keeps what exists and changes nothing it already did.
set -euo pipefail

host=""
allow="127.0.0.1/32"
port=5432
database=alpr
while [ $# -gt 0 ]; do
    case "$1" in
        --host) host="${2:?}"; shift 2 ;;
        --allow) allow="${2:?}"; shift 2 ;;
        --port) port="${2:?}"; shift 2 ;;
        --database) database="${2:?}"; shift 2 ;;
        *) echo "usage: $0 --host NAME [--allow CIDR] [--port PORT] [--database NAME]" >&2; exit 1 ;;
    esac
done
[ -n "$host" ] || { echo "department-server: --host NAME is required (the name workstations connect to)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "department-server: run as root" >&2; exit 1; }
[[ "$database" =~ ^[a-z][a-z0-9_]{0,29}$ ]] || { echo "department-server: --database: a-z, 0-9, _ (30 at most)" >&2; exit 1; }
[[ "$host" =~ ^[A-Za-z0-9.-]+$ ]] || { echo "department-server: --host: a DNS name or an address" >&2; exit 1; }
[[ "$port" =~ ^[0-9]+$ ]] || { echo "department-server: --port: a number" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
missing=()
for p in postgresql-15 postgresql-15-postgis-3 openssl; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

conf=/etc/postgresql/15/main
if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main"' | grep -q .; then
    pg_createcluster 15 main --port "$port" -- --auth-local=peer --auth-host=scram-sha-256
fi

# Certificates: a CA of the department's own and the server's certificate, named for --host.
ca="$conf/alpr-ca"
install -d -m 0700 -o postgres -g postgres "$ca"
if [ ! -f "$ca/root.crt" ]; then
    openssl req -new -x509 -days 3650 -nodes -newkey rsa:3072 -subj "/CN=ALPR department CA" \
        -keyout "$ca/root.key" -out "$ca/root.crt" 2>/dev/null
fi
if [ ! -f "$conf/alpr-server.crt" ] || ! openssl x509 -in "$conf/alpr-server.crt" -noout -ext subjectAltName 2>/dev/null |
    grep -q "DNS:$host\|IP Address:$host"; then
    san="DNS:$host"
    [[ "$host" =~ ^[0-9.]+$ ]] && san="IP:$host"
    openssl req -new -nodes -newkey rsa:3072 -subj "/CN=$host" -keyout "$conf/alpr-server.key" \
        -out "$ca/server.csr" 2>/dev/null
    openssl x509 -req -in "$ca/server.csr" -CA "$ca/root.crt" -CAkey "$ca/root.key" -CAcreateserial -days 825 \
        -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$san") -out "$conf/alpr-server.crt" 2>/dev/null
fi
chown postgres:postgres "$ca"/* "$conf"/alpr-server.*
chmod 0600 "$ca/root.key" "$conf/alpr-server.key"

cat >"$conf/conf.d/alpr.conf" <<EOF
# Written by installer/department-server.sh; docs/server.md.
listen_addresses = '*'
port = $port
ssl = on
ssl_cert_file = '$conf/alpr-server.crt'
ssl_key_file = '$conf/alpr-server.key'
ssl_min_protocol_version = 'TLSv1.2'
password_encryption = 'scram-sha-256'
EOF

# Who may connect: the owner locally over the socket, and the workstations over TLS with passwords. Nothing else.
hba="$conf/pg_hba.conf"
if ! grep -q "^# alpr department store" "$hba"; then
    cp "$hba" "$hba.before-alpr"
    cat >"$hba" <<EOF
# alpr department store (installer/department-server.sh); the previous file is pg_hba.conf.before-alpr
local   all         postgres                    peer
local   all         all                         scram-sha-256
hostssl all         all         $allow          scram-sha-256
EOF
fi
chown postgres:postgres "$hba"
pg_ctlcluster 15 main restart 2>/dev/null || pg_ctlcluster 15 main start

# The store's owner and its empty database.
psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
if ! grep -q ":alpr_owner:" /root/.pgpass 2>/dev/null; then
    password="$(openssl rand -base64 30 | tr -d '/+=\n' | cut -c1-32)"
    psql_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'alpr_owner') THEN
                   CREATE ROLE alpr_owner LOGIN CREATEROLE; END IF; END \$\$"
    psql_admin -c "ALTER ROLE alpr_owner PASSWORD '$password'"
    umask 077
    echo "*:$port:*:alpr_owner:$password" >>/root/.pgpass
fi
if [ -z "$(psql_admin -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
    psql_admin -c "CREATE DATABASE $database OWNER alpr_owner TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
fi

mkdir -p /root/.postgresql
cp "$ca/root.crt" /root/.postgresql/root.crt
cat <<EOF

PostgreSQL 15 is ready for the department's store on $host:$port (database $database, TLS with the department CA).
Make the store (once, on this machine or a workstation that has /root/.pgpass and the CA certificate):
  alprctl --store /srv/alpr/store init --admin chief --server "host=$host port=$port dbname=$database user=alpr_owner sslmode=verify-full"
Or move an embedded store there (its audit log verified before and after; docs/server.md):
  alprctl --store OLD_STORE store copy --to "host=$host port=$port dbname=$database user=alpr_owner sslmode=verify-full" --into /srv/alpr/store
Then give every workstation the store folder's store.json (the key slots live on the server), and the CA certificate
  $ca/root.crt  as  ~/.postgresql/root.crt  of the user who runs the workstation.
Plate text, times and places are stored in clear in the server's tables (images are sealed with the store key,
which the server never sees): keep the data directory ($(runuser -u postgres -- psql -XAtc 'SHOW data_directory' 2>/dev/null || echo "the cluster's data directory"))
and its backups on an encrypted volume (LUKS). docs/security.md says why.
EOF
