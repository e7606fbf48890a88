import QRCode from "qrcode";

/**
 * A QR code as an SVG document (the kept qrcode library), for the invitation page and its A4
 * sheet: vector, so it prints sharp at any size. Error correction M survives a crease or a smudge.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
}
