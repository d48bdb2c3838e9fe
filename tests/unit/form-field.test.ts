import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Field, type FieldControl } from "@/components/ui/field";

const html = (props: Parameters<typeof Field>[0]) => renderToStaticMarkup(createElement(Field, props));

describe("the one form field", () => {
  it("labels a plain input named and identified by its name, with the required mark", () => {
    const out = html({ name: "mobile", label: "手机号", required: true, inputMode: "numeric" });
    expect(out).toContain('<label for="mobile">手机号<span class="required" aria-hidden="true"> *</span></label>');
    expect(out).toMatch(/<input (?=[^>]*name="mobile")(?=[^>]*id="mobile")(?=[^>]*required="")(?=[^>]*inputMode="numeric")[^>]*\/>/);
    expect(out).not.toContain("aria-invalid");
  });

  it("ties the hint and the errors to the control and marks the field invalid", () => {
    const out = html({ name: "amountYuan", label: "金额", hint: "最多 30 万元", errors: ["请填写金额", "金额超出上限"] });
    expect(out).toContain('class="field field--invalid"');
    expect(out).toContain('aria-invalid="true" aria-describedby="amountYuan-hint amountYuan-error"');
    expect(out).toContain('<p id="amountYuan-hint" class="field__hint">最多 30 万元</p>');
    expect(out).toContain('<p id="amountYuan-error" class="field__error" role="alert">请填写金额 金额超出上限</p>');
  });

  it("hands the same ties to a control of the caller's, under an id the caller chooses", () => {
    let given: FieldControl | null = null;
    const out = html({
      id: "return-comment", label: "意见", required: true, errors: ["请填写"],
      children: (control) => { given = control; return createElement("textarea", { ...control, name: "comment" }); },
    });
    expect(given).toEqual({ id: "return-comment", "aria-invalid": true, "aria-describedby": "return-comment-error", required: true });
    expect(out).toContain('<label for="return-comment">');
    expect(out).toContain('<textarea id="return-comment" aria-invalid="true" aria-describedby="return-comment-error" required="" name="comment"></textarea>');
  });

  it("puts a checkbox inside its label, outside the text field frame", () => {
    const out = html({ id: "verify-checkUnion", label: "已核对工会", errors: ["请勾选"], checkbox: true,
      children: (control) => createElement("input", { ...control, type: "checkbox", name: "checkUnion" }) });
    expect(out).toMatch(/^<div class="field--invalid"><label class="checkbox" for="verify-checkUnion"><input id="verify-checkUnion" aria-invalid="true" aria-describedby="verify-checkUnion-error" type="checkbox" name="checkUnion"\/><span>已核对工会<\/span><\/label>/);
  });

  it("widens the frame with the caller's class", () => {
    expect(html({ name: "q", label: "搜索", frameClass: "queue-filters__search", type: "search" })).toMatch(/^<div class="field queue-filters__search">/);
  });
});
