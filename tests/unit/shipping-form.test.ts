import { describe, expect, it } from "vitest";
import { addressErrors, addressSchema } from "@/lib/shipping/address";
import { addressErrorKey, readDeliveryForm, shippingChoice } from "@/lib/shipping/form";

const form = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("the checkout form's delivery fields", () => {
  it("reads a shipment: the method, the address fields and the price shown", () => {
    const read = readDeliveryForm(
      form({
        delivery: "ship",
        shippingMethod: "standard",
        pickupMethod: "pickup",
        shippingMinor: "3000",
        "address.recipient": "Chan",
        "address.country": "HK",
      }),
    );
    expect(read).toMatchObject({ delivery: "ship", method: "standard", expectedMinor: 3000 });
    expect(read.address).toMatchObject({ recipient: "Chan", country: "HK", line1: "" });
    expect(shippingChoice(read)).toMatchObject({
      method: "standard",
      address: { recipient: "Chan" },
      expectedMinor: 3000,
    });
  });

  it("a pick-up sends no address; no choice at all is no shipping input; a junk price is not sent", () => {
    const pickup = readDeliveryForm(
      form({ delivery: "pickup", pickupMethod: "pickup", shippingMethod: "standard", "address.recipient": "X" }),
    );
    expect(shippingChoice(pickup)).toEqual({ method: "pickup", address: undefined, expectedMinor: undefined });
    expect(shippingChoice(readDeliveryForm(form({})))).toBeUndefined();
    expect(shippingChoice(readDeliveryForm(form({ delivery: "drone" })))).toBeUndefined();
    for (const junk of ["-1", "1.5", "1e3", "abc", "9".repeat(20)])
      expect(readDeliveryForm(form({ delivery: "ship", shippingMinor: junk })).expectedMinor).toBeUndefined();
  });

  it("words each field's error for the address's country", () => {
    expect(addressErrorKey("district", "HK")).toBe("districtHK");
    expect(addressErrorKey("district", "CN")).toBe("districtCN");
    expect(addressErrorKey("district", "GB")).toBe("district");
    expect(addressErrorKey("postcode", "cn")).toBe("postcodeCN");
    expect(addressErrorKey("postcode", undefined)).toBe("postcode");
    expect(addressErrorKey("region", "CN")).toBe("regionCN");
    expect(addressErrorKey("phone", "HK")).toBe("phone");
  });
});

describe("address edge cases", () => {
  const hk = {
    recipient: "Chan",
    phoneCode: "+852",
    phone: "9123 4567",
    country: "hk",
    district: "Wan Chai",
    line1: "18 Hennessy Road",
  };
  it("Hong Kong and Macau take no postcode (one typed is dropped); the rest of the world needs one", () => {
    expect(addressSchema.parse({ ...hk, postcode: "999077" })).toMatchObject({ country: "HK", postcode: undefined });
    expect(addressSchema.parse({ ...hk, country: "MO", district: "" })).toMatchObject({ country: "MO" });
    expect(addressErrors({ ...hk, country: "GB" })).toEqual({ postcode: expect.any(String) });
    expect(addressErrors({ ...hk, country: "AE" })).toBeNull();
  });
  it("mainland China needs a province, a city and a 6-digit postcode", () => {
    expect(addressErrors({ ...hk, country: "CN", district: "" })).toEqual({
      region: expect.any(String),
      district: expect.any(String),
      postcode: expect.stringContaining("6 digits"),
    });
    expect(
      addressErrors({ ...hk, country: "CN", region: "廣東省", district: "深圳市", postcode: "518000" }),
    ).toBeNull();
  });
  it("refuses control characters and overlong fields, and a non-object", () => {
    expect(addressErrors({ ...hk, line1: "a\u0007b" })).toEqual({ line1: expect.any(String) });
    expect(addressErrors({ ...hk, recipient: "x".repeat(121) })).toEqual({ recipient: expect.any(String) });
    expect(addressErrors("Wan Chai")).not.toBeNull();
  });
});
