#!/usr/bin/env bash
# A worked example for `cityfin calc`: an LED street-lighting upgrade (the kind of project EPEC's
# standardised German street-lighting PPP model was written for; white paper box 3). Figures are
# illustrative assumptions, stated here: EUR 2.0 m up front; energy and maintenance savings of
# EUR 310,000 a year for 12 years; the city discounts at 4% a year and could borrow at 3.5% over 10 years.
set -euo pipefail
cityfin="${1:?usage: worked-example.sh path/to/cityfin}"
flows=(-2000000 310000 310000 310000 310000 310000 310000 310000 310000 310000 310000 310000 310000)

step() { echo; echo "\$ cityfin calc $*"; "$cityfin" calc "$@"; }

echo "LED street-lighting upgrade: EUR 2.0 m now, EUR 310,000 a year saved for 12 years"
step npv --rate 0.04 -- "${flows[@]}"
step irr -- "${flows[@]}"
step payback -- "${flows[@]}"
step payback --rate 0.04 -- "${flows[@]}"
step pi --rate 0.04 -- "${flows[@]}"
echo; echo "Financing it with a 10-year municipal loan at 3.5%: the annual instalment"
step pmt --rate 0.035 --nper 10 --pv 2000000
echo; echo "Or a 10-year green bond with a 3.25% annual coupon sold to yield 3.40%"
step bond --settlement 2026-12-15 --maturity 2036-12-15 --coupon 0.0325 --yield 0.034 --frequency 1 --day-count act/act
