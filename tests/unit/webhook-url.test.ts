import { describe, expect, it } from "vitest";

import { isPublicAddress, parseIpv6, parseWebhookUrl } from "~/domain/webhook-url";

describe("isPublicAddress", () => {
  it.each([
    "0.0.0.0",
    "10.1.2.3",
    "100.64.0.1",
    "100.100.100.200", // Alibaba Cloud metadata (CGNAT range)
    "127.0.0.1",
    "127.255.255.254",
    "169.254.169.254", // cloud metadata (link-local)
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.8",
    "192.0.2.10",
    "192.168.1.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "::ffff:127.0.0.1", // IPv4-mapped
    "::ffff:8.8.8.8", // mapped, even when the IPv4 address is public
    "::ffff:7f00:1",
    "::127.0.0.1", // IPv4-compatible
    "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
    "100::1",
    "2001::1", // Teredo
    "2001:db8::1",
    "2002:a9fe:a9fe::1", // 6to4 of 169.254.169.254
    "3fff::1",
    "fc00::1",
    "fd00:ec2::254", // AWS metadata (ULA)
    "fe80::1",
    "fec0::1",
    "ff02::1",
    "not an address",
    "1.2.3",
    "01.2.3.4",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "223.5.5.5",
    "2400:3200::1",
    "2606:4700:4700::1111",
    "3ffe::1",
  ])("accepts %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("parseIpv6", () => {
  it("expands :: and an embedded IPv4 address", () => {
    expect(parseIpv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("2001:db8::8:800:200c:417a")).toEqual([0x2001, 0xdb8, 0, 0, 0x8, 0x800, 0x200c, 0x417a]);
    expect(parseIpv6("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIpv6("1::2::3")).toBeNull();
    expect(parseIpv6("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIpv6("fe80::1%eth0")).toBeNull();
  });
});

describe("parseWebhookUrl", () => {
  const strict = { allowPrivate: false };
  const problem = (url: string, options = strict) => {
    const parsed = parseWebhookUrl(url, options);
    return parsed.ok ? null : parsed.problem;
  };

  it("accepts an https URL with a name or a public address", () => {
    const parsed = parseWebhookUrl(" https://hooks.zzbank.example.com:8443/xyd?x=1 ", strict);
    expect(parsed.ok && parsed.url.href).toBe("https://hooks.zzbank.example.com:8443/xyd?x=1");
    expect(parsed.ok && parsed.literal).toBeNull();
    const literal = parseWebhookUrl("https://[2606:4700:4700::1111]/h", strict);
    expect(literal.ok && literal.literal).toBe("2606:4700:4700::1111");
  });

  it("refuses what is not https, carries credentials, or names the inside", () => {
    expect(problem("http://hooks.example.com/")).toBe("NOT_HTTPS");
    expect(problem("ftp://hooks.example.com/")).toBe("INVALID");
    expect(problem("javascript:alert(1)")).toBe("INVALID");
    expect(problem("not a url")).toBe("INVALID");
    expect(problem(`https://example.com/${"a".repeat(2000)}`)).toBe("TOO_LONG");
    expect(problem("https://user:pw@hooks.example.com/")).toBe("CREDENTIALS");
    expect(problem("https://localhost/")).toBe("LOCAL_NAME");
    expect(problem("https://LOCALHOST./")).toBe("LOCAL_NAME");
    expect(problem("https://printer.local/")).toBe("LOCAL_NAME");
    expect(problem("https://metadata.google.internal/")).toBe("LOCAL_NAME");
  });

  it("refuses private addresses however they are written", () => {
    for (const url of [
      "https://127.0.0.1/",
      "https://2130706433/", // 127.0.0.1 as one number
      "https://0x7f.0.0.1/",
      "https://127.1/",
      "https://0177.0.0.1/", // octal
      "https://169.254.169.254/latest/meta-data/",
      "https://100.100.100.200/",
      "https://10.0.0.1:8443/",
      "https://[::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://[::ffff:a9fe:a9fe]/",
      "https://[fd00:ec2::254]/",
      "https://[fe80::1]/",
      "https://0.0.0.0/",
    ]) {
      expect([url, problem(url)]).toEqual([url, "PRIVATE_ADDRESS"]);
    }
  });

  it("lets local receivers through when private addresses are allowed", () => {
    const open = { allowPrivate: true };
    expect(problem("http://127.0.0.1:4010/hooks", open)).toBeNull();
    expect(problem("https://localhost/", open)).toBeNull();
    expect(problem("ftp://127.0.0.1/", open)).toBe("INVALID");
    expect(problem("http://user:pw@127.0.0.1/", open)).toBe("CREDENTIALS");
  });
});
