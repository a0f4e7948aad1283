package charts

import "fengong/extract"

// roleOrder is the one order every page lists roles in: 牵头, 分别负责,
// 配合 (按职责分工负责, 共同承担), 全体.
var roleOrder = [...]extract.Role{extract.RoleLead, extract.RoleRespective, extract.RoleCo, extract.RoleAll}

// roleColor is a role's one colour on every page: the workload bars, the
// role badges of the dept pages and search results.
func roleColor(r extract.Role) string {
	switch r {
	case extract.RoleLead:
		return "#d4380d"
	case extract.RoleRespective:
		return "#d48806"
	case extract.RoleCo:
		return "#2f6fdb"
	}
	return "#7d8a99" // all depts
}

// roleClass is a role's CSS class, whose colour page.gohtml sets from
// roleColor.
func roleClass(r extract.Role) string {
	switch r {
	case extract.RoleLead:
		return "r-lead"
	case extract.RoleRespective:
		return "r-resp"
	case extract.RoleCo:
		return "r-co"
	}
	return "r-all"
}
