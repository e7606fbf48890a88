import type { Catalog } from "../zh-CN";

export const matching: Catalog["matching"] = {
  score: "Match {score}/100",
  scoreHelp:
    "The match score weighs amount, term, rate, guarantee, tax credit grade, public credit rating, whitelist and red list; 100 is a perfect fit.",
  recommended: "Recommended for you",
  bestCandidates: "Best-matching firms",
  fit: {
    amount: {
      inside: "Amount {amount} (× 10,000 CNY) is inside the product's {min}–{max}",
      outside: "Amount {amount} (× 10,000 CNY) is outside the product's {min}–{max}",
      unknown: "No amount given (product: {min}–{max} × 10,000 CNY)",
    },
    term: {
      inside: "Term {term} months is inside the product's {min}–{max} months",
      outside: "Term {term} months is outside the product's {min}–{max} months",
      unknown: "No term given (product: {min}–{max} months)",
    },
    rate: {
      covered: "Acceptable rate {ceiling}% covers the product's {min}%–{max}%",
      partly: "Acceptable rate {ceiling}% covers only part of the product's {min}%–{max}%",
      above: "The product's lowest rate {min}% is above the acceptable {ceiling}%",
      unknown: "No rate ceiling given (product: {min}%–{max}%)",
    },
    guarantee: {
      match: "The guarantee is one the firm accepts",
      mismatch: "The guarantee is not one the firm accepts",
      unknown: "The firm accepts any guarantee",
    },
    taxGrade: {
      grade: "Tax credit grade {grade}",
      unknown: "No tax credit grade yet",
    },
    rating: {
      grade: "Public credit rating {grade}",
      unknown: "No public credit rating yet",
    },
    whitelist: {
      yes: "Bonus: on the whitelist",
      no: "Not on the whitelist",
    },
    redList: {
      yes: "Bonus: on a red list (rewarding trustworthiness)",
      no: "Not on a red list",
    },
  },
};
