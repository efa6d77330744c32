"""The benchmark import file (issue 17): n new households of 1-5 members each, all in one village, valid ID numbers.
Usage: import-csv.py <households> <village code> [<region code> <household number prefix>] > file.csv"""
import random, sys
n, village = int(sys.argv[1]), sys.argv[2]
# Another file of new households, people and numbers: a region code other than 110106 and a household number prefix other than BI.
if len(sys.argv) not in (3, 5):
    sys.exit(__doc__)
region, tag = (sys.argv[3], sys.argv[4]) if len(sys.argv) == 5 else ("110106", "BI")
header = ["户编号", "所在村", "家庭住址", "户类型", "易地搬迁户", "整户无劳动能力", "姓名", "身份证号", "与户主关系", "劳动能力", "健康状况",
          "残疾等级", "残疾类别", "病种", "在校生情况", "务工地点", "务工月数", "参加医保", "参加养老保险", "收入年度", "工资性收入",
          "生产经营性净收入", "财产性收入", "转移性收入", "合规自付支出", "统计期起", "统计期止"]
weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
rng = random.Random(17)
out = [",".join(header)]
person = 0
for h in range(n):
    for i in range(1 + rng.randrange(5)):
        day, seq = divmod(person, 900)
        y, rest = divmod(day, 336)
        first17 = f"{region}{1940 + y:04d}{rest // 28 + 1:02d}{rest % 28 + 1:02d}{seq + 100:03d}"
        person += 1
        check = "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]
        head = i == 0
        out.append(",".join([f"{tag}-{h}", village if head else "", "", "一般农户" if head else "", "", "", "导入户主" if head else "导入成员",
                             first17 + check, "户主" if head else "子女", "普通劳动力", "健康", "", "", "", "", "", "", "是", "", "2024" if head else "",
                             str(10000 + rng.randrange(50000)) if head else "", "", "", "", "", "", ""]))
print("\n".join(out))
