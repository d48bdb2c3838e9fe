import { describe, expect, it } from "vitest";
import { joinRows, readLicence, repairCreditCode, repairIdNumber, type OcrLine } from "@/lib/ocr/licence-fields";
import { creditCodeCheckChar, idNumberCheckChar, isValidCreditCode } from "@/lib/validation/identity";

const CODE = "91110108MA01B2C3X" + creditCodeCheckChar("91110108MA01B2C3X");
const line = (text: string, x: number, y: number, w = 200, h = 20): OcrLine => ({
  text, mean: 0.99, box: [[x, y], [x + w, y], [x + w, y + h], [x, y + h]],
});

describe("credit code repair", () => {
  it("keeps a code that passes GB 32100", () => {
    expect(isValidCreditCode(CODE)).toBe(true);
    expect(repairCreditCode(CODE)).toBe(CODE);
  });

  it("reads O as 0 and drops spaces", () => {
    const withO = CODE.replace(/0/g, "O");
    expect(withO).not.toBe(CODE);
    expect(repairCreditCode(`${withO.slice(0, 6)} ${withO.slice(6)}`)).toBe(CODE);
  });

  it("lets the check character choose between B and 8", () => {
    expect(repairCreditCode(CODE.replace("B", "8"))).toBe(CODE);
  });

  it("refuses a code no single swap can mend, and a wrong length", () => {
    const wrongCheck = CODE.slice(0, 17) + (CODE.endsWith("1") ? "2" : "1");
    expect(repairCreditCode(wrongCheck.replace("MA", "MX").replace("91", "97"))).toBeNull();
    expect(repairCreditCode(CODE.slice(0, 17))).toBeNull();
  });
});

describe("ID number repair", () => {
  const id = "11010519491231002" + idNumberCheckChar("11010519491231002");
  it("accepts a passing number and a lower-case x", () => {
    expect(repairIdNumber(id)).toBe(id);
    expect(repairIdNumber(id.toLowerCase())).toBe(id);
  });
  it("refuses a number whose check digit fails", () => {
    expect(repairIdNumber(id.slice(0, 17) + (id.endsWith("0") ? "1" : "0"))).toBeNull();
  });
});

describe("reading a licence's lines", () => {
  it("reads the one-line layout (label then value)", () => {
    const lines = ["营业执照", `统一社会信用代码${CODE}`, "名称 北京暖心咨询服务有限公司", "类型 有限责任公司 （自然人投资或控股）",
      "法定代表人 王晓明", "注册资本 壹佰万元整", "成立日期 2019年03月15日", "住所 北京市海淀区中关村大街27号1单元502室",
      "经营范围 信息咨询；企业管理咨询。"].map((text) => ({ text, mean: 0.99 }));
    const reading = readLicence(lines);
    expect(reading.fields).toEqual({
      creditCode: CODE, name: "北京暖心咨询服务有限公司", type: "有限责任公司（自然人投资或控股）", legalRepName: "王晓明",
      foundedOn: "2019-03-15", address: "北京市海淀区中关村大街27号1单元502室",
    });
    expect(reading.labelsFound).toBeGreaterThanOrEqual(6);
  });

  it("joins a label and its value boxed apart on the same row (a tilted photo)", () => {
    const lines = [line("北京暖心咨询服务有限公司", 210, 152), line("名 称", 90, 150, 80), line("王晓明", 210, 201),
      line("法定代表人", 90, 200, 100), line("2019年3月5日", 210, 249), line("成立日期", 90, 250, 100), line(`统一社会信用代码 ${CODE.replace("0", "O")}`, 60, 60, 400)];
    expect(joinRows(lines)[1]).toBe("名 称 北京暖心咨询服务有限公司");
    expect(readLicence(lines).fields).toEqual({ creditCode: CODE, name: "北京暖心咨询服务有限公司", legalRepName: "王晓明", foundedOn: "2019-03-05" });
  });

  it("keeps a label and its value on one row when the photo is tilted", () => {
    // Turned 6° about the top left corner: the value, further right, sits lower in the picture.
    const angle = (6 * Math.PI) / 180;
    const turn = ([x, y]: [number, number]): [number, number] => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];
    const tilted = (text: string, x: number, y: number, w: number): OcrLine => ({
      text, mean: 0.99, box: [turn([x, y]), turn([x + w, y]), turn([x + w, y + 18]), turn([x, y + 18])],
    });
    const lines = [tilted("名称", 90, 150, 40), tilted("北京暖心咨询服务有限公司", 300, 150, 260), tilted("类型", 90, 186, 40),
      tilted("有限责任公司（自然人独资）", 300, 186, 280), tilted("法定代表人", 90, 222, 90), tilted("王晓明", 300, 222, 60)];
    expect(joinRows(lines)).toEqual(["名称 北京暖心咨询服务有限公司", "类型 有限责任公司（自然人独资）", "法定代表人 王晓明"]);
  });

  it("takes the value from the next row when the label stands alone", () => {
    const lines = ["名称", "北京某某科技有限公司", "住所", "北京市朝阳区望京街1号"].map((text) => ({ text, mean: 0.9 }));
    expect(readLicence(lines).fields).toEqual({ name: "北京某某科技有限公司", address: "北京市朝阳区望京街1号" });
  });

  it("reads a spread-out label with a stray mark read in its gap", () => {
    const lines = ["名 東称 北京鑫源文化传媒有限公司", "类 型 有限责任公司 (自然人独资）"].map((text) => ({ text, mean: 0.9 }));
    expect(readLicence(lines).fields).toEqual({ name: "北京鑫源文化传媒有限公司", type: "有限责任公司（自然人独资）" });
  });

  it("reports a code that fails its check instead of proposing it", () => {
    const bad = CODE.slice(0, 8) + "XX" + CODE.slice(10);
    const reading = readLicence([{ text: `统一社会信用代码 ${bad}`, mean: 0.9 }, { text: "名称 某公司", mean: 0.9 }]);
    expect(reading.fields.creditCode).toBeUndefined();
    expect(reading.creditCodeUnchecked).toBe(bad);
  });

  it("finds no labels on an upside-down page's noise and no impossible date", () => {
    expect(readLicence([{ text: "（）", mean: 0.7 }, { text: "日", mean: 0.9 }]).labelsFound).toBe(0);
    expect(readLicence([{ text: "成立日期 2019年02月30日", mean: 0.9 }]).fields.foundedOn).toBeUndefined();
  });
});
