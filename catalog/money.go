package catalog

import (
	"strconv"
	"strings"
)

// currencySymbols are the symbols people read amounts in, by ISO 4217
// code; a currency not listed is shown by its code.
var currencySymbols = map[string]string{
	"USD": "$",
	"CAD": "CA$",
	"AUD": "A$",
	"EUR": "€",
	"GBP": "£",
}

// String prints the amount as people read it: the currency's symbol, the
// whole units grouped by thousands and two decimals, such as "$75.00" or
// "$1,250.00"; a currency without a known symbol keeps its code in front
// ("CHF 75.00").
func (m Money) String() string {
	cents := m.Cents
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	units := strconv.FormatInt(cents/100, 10)
	var grouped strings.Builder
	for i, d := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			grouped.WriteByte(',')
		}
		grouped.WriteRune(d)
	}
	symbol, ok := currencySymbols[strings.ToUpper(m.Currency)]
	if !ok && m.Currency != "" {
		symbol = strings.ToUpper(m.Currency) + " "
	}
	return sign + symbol + grouped.String() + "." + strconv.FormatInt(cents%100/10, 10) + strconv.FormatInt(cents%10, 10)
}
