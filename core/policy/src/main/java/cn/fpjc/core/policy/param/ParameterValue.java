package cn.fpjc.core.policy.param;

/**
 * A value of a parameter from a year on, with the document and section it comes from.
 *
 * @param year the first year the value is in force (for a perYear parameter: the only year)
 * @param source seed file and section, e.g. "002 民勤县监测帮扶要点 二(二)3"; never blank
 */
public record ParameterValue(String key, int year, String value, String source, String note) {
}
