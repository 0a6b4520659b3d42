import ldap


def member_filter(group):
    return "(memberOf=cn=%s,ou=groups,dc=example,dc=com)" % group


def find_group(cn):
    conn = ldap.initialize("ldap://ldap.example.com")
    # expect: py-ldap-injection
    return conn.search_s("ou=groups,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(cn=" + cn + ")")
