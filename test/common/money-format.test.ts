/** Money as users see it: pounds and pence, half a penny rounded up on the decimal value. */
import { formatMoney, formatWholePounds, toPence } from "../../src/common/money";

test.each([
  [0, "£0.00"],
  [0.004, "£0.00"],
  [0.005, "£0.01"],
  [-0.005, "-£0.01"],
  [1.005, "£1.01"],
  [2.675, "£2.68"],
  [16375.174999999999, "£16,375.18"],
  [1234, "£1,234.00"],
  [-1234.5, "-£1,234.50"],
  [123456789.125, "£123,456,789.13"],
])("formatMoney(%d) is %s", (amount, text) => {
  expect(formatMoney(amount)).toBe(text);
});

test("formatWholePounds writes the DES's whole-pound figures", () => {
  expect(formatWholePounds(66972)).toBe("£66,972");
  expect(formatWholePounds(105882.4)).toBe("£105,882");
});

test("toPence cleans binary noise before rounding", () => {
  expect(toPence(32750.35 / 2)).toBe(16375.18);
  expect(toPence(0.1 + 0.2)).toBe(0.3);
});
