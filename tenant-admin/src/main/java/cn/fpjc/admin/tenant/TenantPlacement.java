package cn.fpjc.admin.tenant;

/** Chooses the database cluster of a new county (implemented by the cluster registry, package cluster). */
public interface TenantPlacement {
    /**
     * The cluster for a new county, called inside the transaction that records it: {@code requested} if given (it must be
     * open and below capacity), else the least-loaded open cluster. Refuses with a clear error when none can take it.
     */
    String place(String requested);
}
