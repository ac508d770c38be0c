/*
 * A PostgreSQL 18 OAuth validator module for Tusk's tests only (tusk-it's OAuthTest): it trusts
 * exactly one bearer token, "tusk-good-token", as the identity (SYSTEM_USER) "tusk-subject", and
 * no other. With delegate_ident_mapping=1 in pg_hba.conf that token logs in as any role; without,
 * a pg_ident.conf map decides. It checks no signature and asks no issuer: never load it into a
 * server anyone else can reach. Built by .ci/oauth-validator against Debian's PostgreSQL 18
 * server headers.
 */
#include "postgres.h"

#include <string.h>

#include "fmgr.h"
#include "libpq/oauth.h"

PG_MODULE_MAGIC;

#define TRUSTED_TOKEN "tusk-good-token"
#define TRUSTED_IDENTITY "tusk-subject"

static bool
validate_token(const ValidatorModuleState *state, const char *token, const char *role,
               ValidatorModuleResult *result)
{
	result->authorized = strcmp(token, TRUSTED_TOKEN) == 0;
	result->authn_id = result->authorized ? pstrdup(TRUSTED_IDENTITY) : NULL;
	return true;				/* false would mean the validator itself failed */
}

static const OAuthValidatorCallbacks callbacks = {
	.magic = PG_OAUTH_VALIDATOR_MAGIC,
	.validate_cb = validate_token,
};

const OAuthValidatorCallbacks *
_PG_oauth_validator_module_init(void)
{
	return &callbacks;
}
