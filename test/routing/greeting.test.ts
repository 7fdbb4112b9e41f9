import { describe, expect, it } from "vitest";
import { stripGreeting } from "../../bot/routing/greeting";

describe("greetings and politeness are taken off the message", () => {
  const cases: [string, string][] = [
    [
      "Assalamualaikum kak, mau nanya biaya ke korea lewat G to G brp?",
      "mau nanya biaya ke korea lewat G to G brp?",
    ],
    ["assalamualaikum wr wb min, mau tanya dong", "mau tanya dong"],
    ["pagi min, PT Maju Jaya resmi gk?", "PT Maju Jaya resmi gk?"],
    ["permisi kak ada yg tau cara bikin paspor", "ada yg tau cara bikin paspor"],
    ["punten, abdi hoyong naros", "abdi hoyong naros"],
    ["selamat malam, gaji brp", "gaji brp"],
    ["syarat ke jepang apa aja ya kak?", "syarat ke jepang apa aja ya?"],
    ["hi, is PT X legit? thanks", "is PT X legit?"],
    ["/laporan grup", "/laporan grup"],
  ];
  for (const [input, out] of cases) it(input, () => expect(stripGreeting(input)).toBe(out));

  it("keeps a person's name after an honorific and a bare greeting", () => {
    expect(stripGreeting("pak Dedi itu calo resmi?")).toBe("pak Dedi itu calo resmi?");
    expect(stripGreeting("Minat japri kak Dewi")).toBe("Minat japri kak Dewi");
    expect(stripGreeting("halo kak")).toBe("halo kak");
    expect(stripGreeting("malam ini saya disekap")).toBe("malam ini saya disekap");
  });
});
