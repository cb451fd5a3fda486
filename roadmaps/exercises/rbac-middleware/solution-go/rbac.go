package main

import (
	"fmt"
	"net/http"
	"slices"
)

// roleDef is one role: its own permissions and the roles it inherits from.
type roleDef struct {
	permissions []string
	inherits    []string
}

// roles says who may do what. A role gets its own permissions plus everything of the roles it
// inherits: admin -> editor -> viewer.
var roles = map[string]roleDef{
	"viewer": {permissions: []string{"articles:read"}},
	"editor": {inherits: []string{"viewer"}, permissions: []string{"articles:write"}},
	"admin":  {inherits: []string{"editor"}, permissions: []string{"articles:delete", "users:manage"}},
}

// permissionsFor returns every permission the role has, inherited ones included. Unknown roles
// (and "") have none.
func permissionsFor(role string) map[string]bool {
	granted := map[string]bool{}
	collect(role, granted, map[string]bool{})
	return granted
}

// collect adds role's own permissions and, depth first, those of every role it inherits. visited
// keeps two roles that inherit from each other from looping forever.
func collect(role string, granted, visited map[string]bool) {
	def, ok := roles[role]
	if !ok || visited[role] {
		return
	}
	visited[role] = true
	for _, p := range def.permissions {
		granted[p] = true
	}
	for _, parent := range def.inherits {
		collect(parent, granted, visited)
	}
}

// can reports whether the role has the permission.
func can(role, permission string) bool {
	return permissionsFor(role)[permission]
}

// requirePermission returns a middleware for handlers that need permission:
//
//	no user                -> 401 {"error": ...}   (we do not know who you are)
//	role lacks permission  -> 403 {"error": ...}   (we know who you are; you may not do this),
//	                          and the error names the missing permission
//
// and it calls the wrapped handler only when access is allowed.
func requirePermission(permission string) func(http.Handler) http.Handler {
	known := false
	for _, def := range roles {
		known = known || slices.Contains(def.permissions, permission)
	}
	if !known {
		panic(fmt.Sprintf("requirePermission: no role grants %q (a typo?)", permission))
	}

	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u := userFrom(r.Context())
			switch {
			case u == nil:
				writeError(w, http.StatusUnauthorized, "who are you? send X-User (and X-Role)")
			case !can(u.Role, permission):
				writeError(w, http.StatusForbidden, fmt.Sprintf("the role %q does not have the permission %q", u.Role, permission))
			default:
				next.ServeHTTP(w, r)
			}
		})
	}
}
