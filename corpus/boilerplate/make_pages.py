"""Build ``pages.jsonl``: annotated plain-text web pages for the boilerplate stripper.

Every article body comes from ``articles.txt`` (hand-written for this project). The
chrome around it -- menus, related headlines, comment forms, captions, bylines, date
lines, cookie banners, share counters, footers -- is composed here from hand-written
phrase pools and a dozen "house styles". Nothing is copied from real sites.

To keep the test split honest, every phrase pool is partitioned: test pages draw only
from the held-out part (every 5th entry) and two house styles appear only in the test
split, so test scores measure generalisation to unseen noise phrasing and layouts.

Run: ``python corpus/boilerplate/make_pages.py`` (deterministic; rewrites pages.jsonl).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240607

# --------------------------------------------------------------------------- articles


def load_articles(path: Path = HERE / "articles.txt") -> list[dict]:
    articles: list[dict] = []
    cur: dict | None = None
    para: list[str] = []

    def flush_para() -> None:
        if cur is not None and para:
            text = " ".join(para)
            if text.startswith("## "):
                cur["blocks"].append(("subheading", text[3:]))
            else:
                cur["blocks"].append(("body", text))
        para.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("#") and not line.startswith("## "):
            continue
        if line.startswith("=== "):
            flush_para()
            topic, title = line[4:].split(" | ", 1)
            cur = {"topic": topic.strip(), "title": title.strip(), "blocks": []}
            articles.append(cur)
        elif not line.strip():
            flush_para()
        elif line.startswith("- "):
            flush_para()
            assert cur is not None
            cur["blocks"].append(("bullet", line[2:]))
        else:
            para.append(line.strip())
    flush_para()
    return articles


# --------------------------------------------------------------------------- pools

SPLIT = "train"


def P(pool: list) -> list:
    """The part of a pool the current split may use (every 5th item is test-only)."""
    if len(pool) < 5:
        return pool
    if SPLIT == "test":
        return [x for i, x in enumerate(pool) if i % 5 == 0]
    return [x for i, x in enumerate(pool) if i % 5 != 0]


def ch(pool: list):
    return R.choice(P(pool))


R = random.Random(SEED)

FIRST = ["Jane", "Tom", "Aisha", "Marco", "Lena", "Rahul", "Chloe", "Daniel", "Mei", "Oscar",
         "Fatima", "Hugo", "Sara", "Kwame", "Elena", "Peter", "Yuki", "Grace", "Ivan", "Nadia",
         "Liam", "Zoe", "Carlos", "Hannah", "Omar", "Ruth", "Felix", "Priya", "Sean", "Ingrid"]
LAST = ["Doe", "Harper", "Mensah", "Rossi", "Fischer", "Kapoor", "Dubois", "Nguyen", "Lindqvist",
        "Okafor", "Moreau", "Tanaka", "Brennan", "Alvarez", "Novak", "Campbell", "Haddad",
        "Sullivan", "Kowalski", "Park", "Whitaker", "Osei", "Bianchi", "Eriksen", "Shah",
        "Gallagher", "Costa", "Yilmaz", "Reid", "Vance"]
ROLES = ["Staff Reporter", "Markets Correspondent", "Technology Editor", "Political Editor",
         "Sports Writer", "Science Correspondent", "Senior Reporter", "Business Reporter",
         "Contributor", "Economics Editor", "Health Correspondent", "Asia Correspondent",
         "Energy Reporter", "Deputy Editor", "Data Reporter", "Chief Football Writer",
         "Consumer Affairs Reporter", "Transport Correspondent", "Environment Editor",
         "Special Correspondent"]
CITIES = ["London", "New York", "Hong Kong", "Frankfurt", "Singapore", "Paris", "Tokyo",
          "Washington", "Chicago", "Sydney", "Toronto", "Madrid", "Seoul", "Dubai",
          "Mumbai", "Berlin", "Milan", "Boston", "Brussels", "Zurich"]
AGENCIES = ["Reuters", "AP", "AFP", "Getty Images", "Bloomberg", "EPA", "Alamy", "Shutterstock",
            "PA Media", "Xinhua", "Anadolu", "Sipa", "Rex Features", "Press Association",
            "NurPhoto", "Sopa Images", "Staff", "Courtesy of the company", "Handout", "ZUMA"]

# (name, british?, topics it covers)
SITES = [
    ("TechWire", False), ("The Daily Ledger", False), ("Harbour Post", True),
    ("Northgate Times", True), ("MarketPulse", False), ("The Civic Record", False),
    ("Pitchside", True), ("Lab Notes Daily", False), ("Global Wire", False),
    ("Bayview Chronicle", False), ("The Meridian", True), ("Coastline Courier", False),
    ("Finance Brief", False), ("Westbrook Gazette", True), ("The Evening Standardbearer", True),
    ("Capital Street Journal", False), ("Riverside Herald", False), ("The Northern Echo Post", True),
    ("Signal & Noise", False), ("Open Ledger", False), ("Metro Dispatch", False),
    ("The Commons Review", True), ("Quarterly Orbit", False), ("Crescent Tribune", False),
    ("Fieldnotes", False), ("The Weekly Compass", True), ("Kingsway Observer", True),
    ("Delta Business Daily", False), ("Summit Sports", False), ("The Green Almanac", True),
]
SECTIONS = ["Home", "News", "World", "Business", "Tech", "Markets", "Politics", "Sport",
            "Science", "Opinion", "Culture", "Video", "Podcasts", "Health", "Climate",
            "Travel", "Lifestyle", "Money", "Economy", "Latest", "Live", "Companies",
            "Property", "Weather", "Football", "Cricket", "Tennis", "Arts", "Education",
            "Environment", "Books", "Food", "Cars", "Personal Finance", "Investing",
            "Crypto", "AI", "Gadgets", "Reviews", "Space", "UK", "US", "Asia", "Europe",
            "Middle East", "Africa", "Elections", "Obituaries", "Puzzles", "Jobs"]
SEPS = [" | ", " · ", " / ", "  ", " • ", " - ", " \u2014 ", " :: "]

COMPANIES = ["Xiaomi", "Tencent", "Harlow Foods", "Veltra", "Arvex", "Nuvio", "Orion Bank",
             "Skyframe", "Lumanet", "Greenleaf", "Corvan", "Solvane", "Pinecrest", "Zipp",
             "Brightwater", "Alvira Pharma", "Midland Power", "Bean & Barrel", "Stenford",
             "Maple Row", "Orsund", "Chirpy", "Kestrel Labs", "Novaterra", "Baxley Group",
             "Quanta Retail", "Helix Bio", "Redpoint Energy", "Atlas Mining", "Copperline",
             "Summit Air", "Fenwick Motors", "Pallas Insurance", "Ironbridge", "Telvio",
             "Aurora Cloud", "Granite Homes", "Bluefin Seafood", "Westmark", "Ostara"]
TEAMS = ["City", "Rovers", "United", "Athletic", "Wanderers", "Rangers", "Albion",
         "the Lions", "the Hawks", "the Sharks", "Dynamo", "Sporting", "Real", "Olympic"]
PLACES = ["Texas", "Ohio", "Wales", "Shenzhen", "Bavaria", "Ontario", "Lagos", "Seville",
          "Kent", "Gdansk", "Queensland", "Hokkaido", "Lombardy", "Jalisco", "Kerala"]


def num(a: int, b: int) -> str:
    return str(R.randint(a, b))


def pct() -> str:
    return R.choice([str(R.randint(1, 30)), f"{R.randint(0, 12)}.{R.randint(1, 9)}"])


def money() -> str:
    cur = R.choice(["$", "£", "€", "$", "HK$"])
    unit = R.choice(["bn", "m", " billion", " million", "bn"])
    return f"{cur}{R.randint(1, 950) if 'm' in unit else round(R.uniform(1, 60), 1)}{unit}"


RELATED_TEMPLATES = [
    lambda: f"{R.choice(COMPANIES)} shares {R.choice(['slide', 'jump', 'sink', 'surge', 'tumble', 'climb', 'edge up', 'drop'])} {pct()}% after {R.choice(['results', 'profit warning', 'CEO exit', 'deal talk', 'downgrade', 'earnings beat', 'guidance cut'])}",
    lambda: f"{R.choice(COMPANIES)} to cut {num(100, 9000)} jobs in {R.choice(PLACES)}",
    lambda: f"{R.choice(COMPANIES)} profit {R.choice(['rises', 'falls', 'doubles', 'halves', 'beats forecasts', 'misses estimates'])} as {R.choice(['costs bite', 'demand cools', 'prices rise', 'China slows', 'sales recover'])}",
    lambda: f"{R.choice(['FTSE 100', 'S&P 500', 'Nikkei', 'Hang Seng', 'DAX', 'Nasdaq', 'CAC 40'])} {R.choice(['closes', 'ends', 'opens'])} {R.choice(['up', 'down', 'flat', 'higher', 'lower'])} {pct()}% as {R.choice(['tech rallies', 'banks slide', 'oil jumps', 'yields rise', 'investors eye Fed'])}",
    lambda: f"{R.choice(COMPANIES)} agrees {money()} deal for {R.choice(COMPANIES)}",
    lambda: f"{R.choice(TEAMS).capitalize()} beat {R.choice(TEAMS)} {num(1, 5)}-{num(0, 3)} to {R.choice(['reach the final', 'go top', 'ease relegation fears', 'seal promotion', 'end losing run'])}",
    lambda: f"{num(3, 12)} things to know about {R.choice(['the budget', 'the rate decision', 'the new iPhone', 'the merger', 'inflation', 'the election', 'the transfer window'])}",
    lambda: f"Explainer: what a {num(1, 9)}{R.choice(['%', ' point', 'bp'])} {R.choice(['rate cut', 'tax rise', 'tariff', 'pay rise'])} means for {R.choice(['mortgages', 'savers', 'workers', 'importers', 'pensioners'])}",
    lambda: f"{R.choice(['Live', 'LIVE', 'As it happened'])}: {R.choice(['markets react to jobs data', 'election results', 'Champions League final', 'budget statement', 'central bank decision'])}",
    lambda: f"Why {R.choice(['house prices', 'the dollar', 'oil', 'chip stocks', 'bond yields', 'ticket prices'])} could {R.choice(['fall', 'rise', 'stall', 'double', 'surprise'])} in {num(2019, 2027)}",
    lambda: f"{R.choice(FIRST)} {R.choice(LAST)} named {R.choice(['chief executive', 'chair', 'finance chief', 'head coach', 'new editor'])} at {R.choice(COMPANIES + TEAMS)}",
    lambda: f"{R.choice(['Opinion', 'Analysis', 'Comment', 'Lex', 'Column'])}: {R.choice(['the rally has further to run', 'regulators are asleep at the wheel', 'this deal makes no sense', 'the budget gamble will backfire', 'stop blaming the weather'])}",
    lambda: f"Watch: {R.choice(['drone footage of the flooded town', 'the winning goal', 'highlights from the summit', 'inside the new factory', 'the launch in slow motion'])} ({num(0, 9)}:{num(10, 59)})",
    lambda: f"{R.choice(['Scientists', 'Researchers', 'Astronomers', 'Doctors'])} {R.choice(['find', 'discover', 'spot', 'report'])} {R.choice(['new species', 'a hidden lake', 'a faint signal', 'microplastics', 'a rare mutation'])} in {R.choice(PLACES)}",
    lambda: f"{R.choice(COMPANIES)} recalls {num(2, 400)},000 {R.choice(['cars', 'laptops', 'heaters', 'scooters', 'phones'])} over {R.choice(['fire risk', 'brake fault', 'battery defect', 'software bug'])}",
]

RELATED_HANDWRITTEN = [
    "Xiaomi shares slide 5% after results",
    "Interest rates held for a fifth time as inflation sticks",
    "The town where every shop has closed",
    "Pension age could rise to 68 sooner than planned",
    "How a $3 billion bet went wrong",
    "Ferry operator scraps 14 routes as fuel costs soar",
    "Teachers vote to strike over 6.5% pay offer",
    "Landlords sell up as mortgage rates pass 6%",
    "I quit my job to grow mushrooms - and doubled my income",
    "Stadium plans rejected for the third time",
    "Electric car sales stall in Germany after subsidy ends",
    "The 15-minute city row, explained",
    "Drought: hosepipe ban extended to 2 million homes",
    "Private equity firm buys 40% stake in football club",
    "Crypto exchange halts withdrawals",
    "Bank of Japan ends negative rates after 17 years",
    "Water bills to rise by an average of £94",
    "Record 1.2 million people visit science museum",
    "Five charts that explain the housing crisis",
    "Heatwave warning issued for southern Europe",
    "Chip shortage: when will it end?",
    "US adds 275,000 jobs in February",
    "Ryder Cup: Europe take 5-3 lead after first day",
    "Why your grocery bill is still going up",
    "New vaccine 90% effective in early trial",
    "The startups betting on fusion power",
    "Tesla cuts prices again in China",
    "Budget airline orders 150 jets",
    "Oil giant's profit halves to $9.6bn",
    "Flights cancelled as air traffic control fails",
    "Could four-day weeks work for everyone?",
    "Mayor's plan for 10,000 homes faces legal challenge",
    "Weekly briefing: the 7 stories you missed",
    "Quiz: how well do you know this week's news?",
    "Obituary: the engineer who built the first pocket radio",
    "Meet the 23-year-old running a $50m fund",
    "Inside the race to build a better battery",
    "Nurses accept 5% pay deal",
    "Coral reefs face fourth mass bleaching event",
    "Train fares to rise 4.9% in March",
    "Semiconductor stocks lose $500bn in a week",
    "Home sales hit lowest level since 2010",
    "Rugby World Cup: hosts thrash Namibia 71-3",
    "Britain's biggest brewer plans 300 pub closures",
    "The hidden cost of free returns",
    "Fed's Powell: 'We are not there yet'",
    "Greenhouse gas levels hit new record in 2023",
    "A 40-year-old mystery, solved by a teenager",
    "Amazon deforestation falls 22% in a year",
    "What happens to your savings if a bank fails?",
]

TEASERS = [
    "The company said the cuts would save about $45 million a year.",
    "Analysts had expected a much smaller decline.",
    "Officials say the measures will be reviewed in six months.",
    "It is the third such warning this year.",
    "Campaigners say the figures hide a deeper problem.",
    "The deal values the business at roughly twice its annual sales.",
    "Fans queued for hours to get tickets.",
    "The study followed more than 12,000 people for a decade.",
    "Prices have risen 18% since January.",
    "The vote is expected next week.",
]

TIMEAGO = ["2 hours ago", "35 minutes ago", "1 day ago", "3h", "Yesterday", "5 min read",
           "4 min read", "12 hours ago", "Just now", "2d ago", "10 min read", "Updated 1h ago",
           "3 days ago", "8 min read", "an hour ago"]

RELATED_HEADINGS = ["Related articles", "Related stories", "More from Business", "You might also like",
                    "Most read", "Trending now", "Recommended for you", "More on this story",
                    "Top stories", "Popular on {site}", "Latest news", "Editor's picks",
                    "What to read next", "Read next", "More stories", "Related coverage",
                    "Most popular", "Don't miss", "More in {section}", "Around the web",
                    "Recommended", "Most viewed", "Related Posts:", "In other news",
                    "Further reading", "Also on {site}", "More from {site}", "Related",
                    "Also in the news", "Trending"]

READMORE_PREFIX = ["Read more:", "READ MORE:", "Related:", "See also:", "Also read:",
                   "You may also like:", "MORE:", "Read:", "RELATED:", "Read also:",
                   "Related reading:", "Don't miss:", "Recommended:", "More on this:",
                   "Read more -", "Also:"]

MENU_EXTRA = ["Skip to main content", "Skip to content", "Search", "Sign in", "Log in",
              "Register", "Subscribe", "Subscribe now", "Menu", "Toggle navigation",
              "Open menu", "Edition: International", "Today's paper", "My account",
              "Newsletters", "Sign in | Subscribe", "Subscribe for $1 a week",
              "Try 4 weeks for $1", "Support us", "Donate", "Dark mode", "Search...",
              "Weather 14°C London", "Breaking", "Main menu", "Close menu", "Navigation",
              "Account", "Log in or register", "Get the app", "Español", "Edition UK | US | Asia",
              "Accessibility help", "Follow us", "Shop", "Jobs", "Print edition",
              "Search the site", "Sign up", "Become a member"]

ADBLOCK = [
    "It looks like you're using an ad blocker.",
    "We noticed you have an ad blocker enabled. Please consider whitelisting us to support independent journalism.",
    "Ad blocker detected: our reporting is funded by advertising. Please disable your blocker or subscribe for $1 a week.",
    "Please turn off your ad blocker to continue reading.",
    "You are using an adblocker. Our journalism relies on ads - add us to your allow list.",
    "AdBlock detected. Help us keep this site free by disabling AdBlock.",
    "Hi there! It seems you block ads. That's OK, but ads pay our 40 reporters.",
    "We see you're using an ad-blocker. To keep reading, please allow ads on this site or log in.",
    "Ad-free reading is available for subscribers. Otherwise, please pause your ad blocker.",
    "Your ad blocker is preventing some content from loading.",
    "Whitelist us! Advertising keeps this site running.",
    "Support quality journalism: disable your ad blocker for this site.",
    "It appears your browser is blocking ads. Click here to learn how to whitelist us.",
    "Looks like you have an ad-blocking extension installed.",
    "Disable ad block to view this content",
]

COOKIE = [
    "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
    "This site uses cookies. Learn more",
    "Accept all cookies",
    "Cookie settings",
    "We and our 143 partners store and access information on your device, such as cookies.",
    "By clicking \u201cAccept\u201d, you agree to the storing of cookies on your device.",
    "Manage preferences",
    "Reject all",
    "Accept | Manage settings",
    "We value your privacy",
    "Our website uses cookies to give you the best experience. Find out more in our cookie policy.",
    "Cookies help us deliver our services. Accept?",
    "Necessary cookies only",
    "I agree",
    "This website stores data such as cookies to enable essential site functionality, as well as marketing and analytics.",
    "Allow cookies",
    "You can change your cookie choices at any time.",
    "Got it!",
    "We use cookies and similar technologies to personalise ads.",
    "Your privacy choices",
    "Consent preferences",
    "Do not sell or share my personal information",
]

PIXEL = ["pixel", "tracking pixel", "[tracking image]", "Image: 1x1 pixel", "spacer.gif",
         "beacon", "(img) pixel.gif", "Ad tracking pixel", "[img]", "[image]", "IFRAME",
         "Pixel tag", "analytics beacon", "[ad]", "[iframe: advertisement]", "trk.gif",
         "[Image: tracking]", "1x1.png", "(pixel)", "noscript image"]

AD = ["Advertisement", "ADVERTISEMENT", "Ad", "Sponsored", "Story continues below advertisement",
      "Article continues below", "Content from our partners", "Promoted content",
      "Sponsored: 5 cards with 0% interest until 2026", "Advertisement - scroll to continue",
      "Paid content", "Ads by Teads", "Continue reading below", "SPONSORED CONTENT",
      "Promoted stories", "Advertising", "Story continues after this ad",
      "Sponsored: This 1 trick cuts your energy bill by 30%", "Partner content",
      "AD", "Article continues after advertisement", "Sponsored links",
      "Advertiser content", "Shop now: 20% off with code SPRING", "Promoted by Taboola"]

NEWSLETTER = [
    "Sign up for our free Morning Briefing newsletter",
    "Get the 5 things you need to know, every weekday.",
    "Enter your email address",
    "Thanks for signing up!",
    "By signing up you agree to our Terms and Privacy Policy.",
    "Subscribe to our markets newsletter",
    "Want more stories like this? Sign up for The Download.",
    "Get our weekly science digest in your inbox.",
    "Sign up to receive our daily headlines by email",
    "Your email",
    "Sign me up",
    "The best of our journalism, delivered twice a week.",
    "Newsletter sign-up",
    "You have been successfully subscribed.",
    "Please enter a valid email address",
    "Join 250,000 readers who get our newsletter",
    "Sign up for First Edition, our free daily newsletter - every weekday morning at 7am.",
    "Don't miss a story. Subscribe to our newsletter.",
    "Email address",
    "Get the latest headlines sent straight to your inbox",
    "We will not share your email with anyone.",
    "Subscribe to the Sports Extra newsletter",
    "Submit",
    "Start your morning with the headlines that matter.",
    "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.",
]

SHARE = [
    lambda: f"Share {num(0, 99)} Tweet {num(0, 40)}",
    lambda: "Share on Facebook",
    lambda: "Share this article",
    lambda: "Facebook Twitter LinkedIn Email",
    lambda: f"{num(2, 300)} Comments",
    lambda: f"Share {num(0, 50)} Tweet {num(0, 50)} Pin {num(0, 9)}",
    lambda: "Copy link",
    lambda: "Print",
    lambda: f"{num(1, 9)}.{num(1, 9)}k shares",
    lambda: "Save for later",
    lambda: "Share on Twitter",
    lambda: "Email this article",
    lambda: f"Shares {num(10, 900)}",
    lambda: "Share via WhatsApp",
    lambda: "Click to share on LinkedIn (Opens in new window)",
    lambda: "Share",
    lambda: f"{num(10, 999)} shares",
    lambda: "Tweet",
    lambda: "Share this story",
    lambda: "Send to a friend",
    lambda: "Gift this article",
    lambda: f"Facebook {num(0, 99)} Twitter {num(0, 99)} Email",
    lambda: "Share or comment on this article",
    lambda: "Reddit",
    lambda: "Bookmark",
]

SCENES = [
    "A camera on a street in Urumqi.",
    "Workers on the production line at the plant in 2022.",
    "Traders on the floor of the stock exchange on Wednesday.",
    "Shoppers in a supermarket aisle.",
    "The company's headquarters.",
    "Fans celebrate after the final whistle.",
    "Delegates arrive for the summit.",
    "A container ship in port.",
    "The minister speaks to reporters outside parliament.",
    "Passengers wait at the check-in desks.",
    "Wind turbines off the coast.",
    "An aerial view of the reservoir, which is at 38% of capacity.",
    "Researchers in the laboratory.",
    "The telescope's mirror during testing.",
    "Runners cross the bridge early in the race.",
    "Protesters outside the town hall on Monday.",
    "A nurse prepares a vaccine dose.",
    "Gold bars in a vault.",
    "Commuters at a station during the strike.",
    "The chief executive at the company's annual meeting in 2023.",
    "A customer uses a payment app.",
    "Cranes at the construction site.",
    "The plant employs about 4,300 people.",
    "Players train ahead of Saturday's match.",
    "Oil pumpjacks in the desert.",
    "A delivery robot on a pavement.",
    "Smoke rises from the factory chimney.",
    "The new terminal, due to open in 2028.",
    "Voters queue at a polling station.",
    "A view of the city skyline at dusk.",
    "Rescue teams search the area.",
    "Students in a lecture hall.",
    "The glacier has lost 40 metres of ice since 2000.",
    "Cars parked at the dealership.",
    "Bitcoin tokens displayed in a shop window.",
]


def caption_lines() -> list[tuple[str, str]]:
    scene = ch(SCENES)
    ag = ch(AGENCIES)
    name = f"{ch(FIRST)} {ch(LAST)}"
    forms = [
        lambda: [f"{scene} Photo: {ag}/{name}"],
        lambda: [f"{scene} Photograph: {name}/{ag}"],
        lambda: [f"{scene} (Photo by {name}/{ag})"],
        lambda: [f"Image copyright {ag}", f"Image caption {scene}"],
        lambda: [f"{scene} | Credit: {name}"],
        lambda: [f"{scene} ({ag} via Getty Images)"],
        lambda: [scene, f"Credit: {name} for {SITE_NAME}"],
        lambda: [f"Picture: {name}"],
        lambda: [f"[Photo: {ag}]"],
        lambda: [f"File photo: {scene}"],
        lambda: [scene, ag],
        lambda: [f"{scene} Image: {ag}"],
        lambda: [f"Photo: {ag}"],
        lambda: [f"{scene} \u00a9 {ag}"],
        lambda: [f"{scene} Credit...{name}/{ag}"],
        lambda: [f"Image source, {ag}", f"Image caption, {scene}"],
        lambda: [f"{scene} ({ag})"],
        lambda: [f"{scene} / {ag}"],
        lambda: [f"{scene} PHOTO: {ag.upper()}"],
        lambda: [f"Photograph: {ag}", scene],
    ]
    return [(t, "caption") for t in ch(forms)()]


TAGS_WORDS = ["Xiaomi", "smartphones", "China", "Markets", "Earnings", "Energy", "Politics",
              "Elections", "Football", "Space", "Climate change", "Inflation", "Jobs",
              "Retail", "Banking", "Airlines", "Health", "Housing", "AI", "Crypto", "Trade",
              "Transport", "Mergers", "Science", "Premier League", "Oil", "Gold", "Tennis"]


def tags_lines() -> list[tuple[str, str]]:
    ws = R.sample(TAGS_WORDS, R.randint(2, 5))
    forms = [
        lambda: [f"Tags: {', '.join(ws)}"],
        lambda: [f"Topics: {' · '.join(ws)}"],
        lambda: [f"Filed under: {ws[0]}"],
        lambda: [f"Posted in {ws[0]} | Tagged {', '.join(ws[1:])}"],
        lambda: ["Topics"] + ws,
        lambda: [f"Categories: {', '.join(ws)}"],
        lambda: [f"More about: {', '.join(ws)}"],
        lambda: [f"Keywords: {'; '.join(ws)}"],
        lambda: ["Related topics"] + ws,
        lambda: [" ".join("#" + w.replace(" ", "") for w in ws)],
    ]
    return [(t, "tags") for t in ch(forms)()]


FOOTER = [
    lambda: f"\u00a9 {YEAR} {SITE_NAME} Media Ltd. All rights reserved",
    lambda: f"Copyright {YEAR} {SITE_NAME}",
    lambda: "About us | Contact | Careers | Privacy policy | Terms",
    lambda: "Terms of Use",
    lambda: "Privacy Policy",
    lambda: "Contact us",
    lambda: "Back to top",
    lambda: "All rights reserved.",
    lambda: f"Registered in England and Wales No. {num(1000000, 9999999)}",
    lambda: "Follow us on Twitter, Facebook and Instagram",
    lambda: f"\u00a9 {SITE_NAME} {YEAR}",
    lambda: f"(c) {YEAR} {SITE_NAME}. All Rights Reserved.",
    lambda: "Cookie policy",
    lambda: "Advertise with us",
    lambda: "Sitemap",
    lambda: f"{SITE_NAME} is part of {ch(['Harbourline', 'Keystone', 'Meridian', 'Northlight'])} Media Group.",
    lambda: f"{num(1, 400)} {ch(['Harbour Street', 'King Street', 'Market Square', 'Fleet Road', 'Main Street'])}, {ch(CITIES)}",
    lambda: "Powered by WordPress",
    lambda: "Theme by Anders Themes",
    lambda: "Accessibility statement",
    lambda: "Modern Slavery Act statement",
    lambda: "Work for us",
    lambda: "Corrections policy",
    lambda: f"{SITE_NAME} is not responsible for the content of external sites.",
    lambda: "Manage cookies",
    lambda: f"Copyright \u00a9 2010-{YEAR}",
    lambda: "Licensing | Syndication | Reprints",
    lambda: "Download our app",
    lambda: "Help centre",
    lambda: "Complaints",
]

COMMENT_USERS = ["mike_t", "Sarah K", "rover77", "A. Nonymous", "econwatcher", "jdoe",
                 "Pete from Leeds", "skeptic42", "marketmaven", "LindaB", "old_timer",
                 "fan_since_1989", "Chris", "greenthumb", "tax_payer"]
COMMENT_TEXTS = [
    "I doubt the 1,200 figure is the full story.",
    "Great piece, thanks.",
    "Been saying this for years!",
    "So who pays for it? Us, as usual.",
    "Typical. Profits up 27% and they still raise prices.",
    "This is the best summary I've read on the subject.",
    "Where are the numbers for 2019? Without them this means nothing.",
    "Sad news for the town.",
    "Anyone else think this was inevitable?",
    "Fake news.",
    "My pension fund lost 8% last month alone.",
    "Well done to the team, what a season.",
    "Shocking that it took this long.",
    "Can someone explain how a 0.5% change matters?",
    "Not surprised at all.",
]


def comment_section(date: dt.date) -> list[tuple[str, str]]:
    out: list[str] = []
    style = R.randint(0, 5)
    n = R.randint(0, 40)
    if style == 0:  # wordpress
        out += [ch([f"{n} thoughts on \u201c{TITLE}\u201d", f"{n} Responses", f"{n} Comments",
                    "Comments", f"{n} Replies to \u201c{TITLE}\u201d", "Discussion"])]
        for _ in range(R.randint(1, 3)):
            out += [f"{ch(COMMENT_USERS)} says:",
                    f"{date.strftime('%B')} {date.day}, {date.year} at {R.randint(1, 12)}:{R.randint(10, 59)} {ch(['am', 'pm'])}",
                    ch(COMMENT_TEXTS), "Reply"]
        out += ["Leave a Reply Cancel reply",
                "Your email address will not be published. Required fields are marked *",
                "Comment *", "Name *", "Email *", "Website",
                "Save my name, email, and website in this browser for the next time I comment.",
                "Post Comment"]
    elif style == 1:
        out += ["Leave a Reply", "Your email address will not be published.", "Comment",
                "Name", "Email", "Submit Comment"]
    elif style == 2:  # disqus-ish
        out += [ch(["Join the discussion\u2026", "Join the conversation", "Comments"]),
                f"{n} comments", ch(["Sort by Best", "Newest first", "Oldest"]),
                f"{ch(COMMENT_USERS)} \u2022 {R.randint(1, 23)}h ago", ch(COMMENT_TEXTS),
                ch(["Reply", "Show more replies", "Load more comments"])]
    elif style == 3:
        out += [ch(["Comments are closed.", "Commenting is closed for this article",
                    "Comments have been disabled for this article."])]
    elif style == 4:
        out += [ch([f"Show comments ({n})", f"View {n} comments", f"Comments ({n})",
                    "Sign in to comment", "Log in to comment", "Add a comment"])]
    else:
        out += ["Leave a Comment", "You must be logged in to post a comment.",
                f"{ch(COMMENT_USERS)} on {date.strftime('%d %b %Y')}:", ch(COMMENT_TEXTS)]
    return [(t, "comment") for t in out]


# --------------------------------------------------------------------------- dates

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
AP_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
           "Nov.", "Dec."]


def hm12(h: int, m: int) -> str:
    return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"


def dateline(d: dt.date, british: bool) -> str:
    h, m = R.randint(6, 22), R.randint(0, 59)
    wd, wda = d.strftime("%A"), d.strftime("%a")
    mon, mab = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    tz = ch(["BST", "GMT"]) if british else ch(["ET", "EDT", "EST", "PT", "CT", "UTC"])
    us = [
        lambda: f"{wd}, {mab} {d.day}, {d.year}",
        lambda: f"{mon} {d.day}, {d.year}",
        lambda: f"{AP_ABBR[d.month - 1]} {d.day}, {d.year} {hm12(h, m)} {tz}",
        lambda: f"{d.month}/{d.day}/{d.year}",
        lambda: f"{d.isoformat()}",
        lambda: f"Published: {d.month:02d}/{d.day:02d}/{d.year}",
        lambda: f"Updated: {hm12(h, m)} {tz}, {wda} {mon} {d.day}, {d.year}",
        lambda: f"Posted on {mon} {d.day}, {d.year} by {ch(['admin', 'editor', 'newsdesk', 'staff'])}",
        lambda: f"{mon} {d.day}, {d.year} at {hm12(h, m).lower().replace('am', 'a.m.').replace('pm', 'p.m.')} {tz}",
        lambda: f"Published: {mab} {d.day}, {d.year}, {hm12(h, m)}",
        lambda: f"{wda}, {d.month:02d}/{d.day:02d}/{d.year} - {h}:{m:02d}",
        lambda: f"Last updated: {d.isoformat()} {h:02d}:{m:02d}",
        lambda: f"Date: {d.isoformat()}",
        lambda: f"Published {mab} {d.day}, {d.year}",
        lambda: f"{mab.upper()} {d.day}, {d.year}",
    ]
    uk = [
        lambda: f"{d.day} {mon} {d.year}",
        lambda: f"First published on {wda} {d.day} {mab} {d.year} {h}.{m:02d} {tz}",
        lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        lambda: f"Published: {d.day:02d}/{d.month:02d}/{d.year}",
        lambda: f"{wda} {d.day} {mab} {d.year} {h:02d}.{m:02d} {tz}",
        lambda: f"Published {d.day} {mon} {d.year}, {h:02d}:{m:02d} {tz}",
        lambda: f"{wd} {d.day} {mon} {d.year}",
        lambda: f"{d.day:02d}.{d.month:02d}.{d.year} | {h:02d}:{m:02d}",
        lambda: f"Posted: {d.day}{'th' if d.day in range(4, 21) or d.day % 10 > 3 or d.day % 10 == 0 else {1: 'st', 2: 'nd', 3: 'rd'}[d.day % 10]} {mon} {d.year}",
        lambda: f"Last modified on {wd} {d.day} {mon} {d.year} {h}.{m:02d} {tz}",
        lambda: f"{d.day} {mab} {d.year}",
        lambda: f"Updated {h:02d}:{m:02d}, {d.day} {mon} {d.year}",
        lambda: f"{d.isoformat()}",
    ]
    return ch(uk if british else us)()


def byline(site: str) -> list[tuple[str, str]]:
    n1 = f"{ch(FIRST)} {ch(LAST)}"
    n2 = f"{ch(FIRST)} {ch(LAST)}"
    role = ch(ROLES)
    forms = [
        lambda: [f"By {n1}"],
        lambda: [f"By {n1}, {role}"],
        lambda: [f"By {n1.upper()} and {n2.upper()}"],
        lambda: [f"{n1} | {role}"],
        lambda: [f"Written by {n1}"],
        lambda: [f"By {n1} in {ch(CITIES)}"],
        lambda: [n1, role],
        lambda: [f"Author: {n1}"],
        lambda: [f"Words by {n1}"],
        lambda: [f"By {n1} and {n2}"],
        lambda: [f"{n1}, {site}"],
        lambda: [f"By {n1} \u2022 {role}"],
        lambda: [f"BY {n1.upper()}"],
        lambda: [f"{n1} @{n1.split()[0].lower()}{n1.split()[1][0].lower()}"],
        lambda: [f"By {n1}, {site} {role}"],
    ]
    return [(t, "byline") for t in ch(forms)()]


def end_credits() -> list[tuple[str, str]]:
    n1 = f"{ch(FIRST)} {ch(LAST)}"
    n2 = f"{ch(FIRST)} {ch(LAST)}"
    forms = [
        lambda: [(f"Reporting by {n1}; Editing by {n2}", "byline")],
        lambda: [(f"Additional reporting by {n1} in {ch(CITIES)}", "byline")],
        lambda: [(f"({n1} reported from {ch(CITIES)}.)", "byline")],
        lambda: [(f"{n1} is a {ch(ROLES).lower()} at {SITE_NAME}.", "bio")],
        lambda: [(f"Contact the author at {n1.split()[0].lower()}.{n1.split()[1].lower()}@example.com", "bio")],
        lambda: [(f"Follow {n1.split()[0]} on Twitter @{n1.split()[1].lower()}{num(1, 99)}", "bio")],
        lambda: [(f"Writing by {n1}; editing by {n2}", "byline")],
        lambda: [(f"\u2014 With assistance from {n1}", "byline")],
        lambda: [(f"{n1} covers {ch(['markets', 'technology', 'politics', 'sport', 'science', 'energy'])} for {SITE_NAME}. She previously worked at the {ch(CITIES)} bureau for {num(3, 12)} years.", "bio")],
        lambda: [("Our Standards: The Trust Principles.", "footer")],
        lambda: [(f"This article was produced with help from {n1}.", "byline")],
        lambda: [(f"Edited by {n2}", "byline")],
    ]
    return ch(forms)()


def menu_lines() -> list[tuple[str, str]]:
    secs = R.sample(P(SECTIONS), R.randint(4, 9))
    if "Home" not in secs and R.random() < 0.4:
        secs.insert(0, "Home")
    sep = ch(SEPS)
    forms = [
        lambda: [(sep.join(secs), "menu")],
        lambda: [(sep.join(s.upper() for s in secs), "menu")],
        lambda: [(s, "menu") for s in secs],
        lambda: [("Menu", "menu")] + [(s, "menu") for s in secs],
        lambda: [(" > ".join(["Home"] + secs[:2]), "breadcrumb")],
        lambda: [("You are here: " + " \u00bb ".join(["Home"] + secs[:2]), "breadcrumb")],
        lambda: [(" \u203a ".join(secs[:3]), "breadcrumb")],
        lambda: [(sep.join(secs[:4]), "menu"), (sep.join(secs[4:] or ["More"]), "menu")],
        lambda: [("Trending: " + " | ".join(R.sample(P(TAGS_WORDS), 3)), "menu")],
        lambda: [("   ".join(secs), "menu")],
    ]
    return ch(forms)()


def ticker() -> str:
    items = R.sample(["S&P 500", "Nasdaq", "Dow", "FTSE 100", "Gold", "Brent", "EUR/USD",
                      "Bitcoin", "Nikkei", "10Y yield"], R.randint(3, 5))
    parts = []
    for it in items:
        v = f"{R.uniform(1, 40000):,.2f}" if it not in ("EUR/USD", "10Y yield") else f"{R.uniform(0.9, 5):.4f}"
        c = f"{R.choice(['+', '-'])}{R.uniform(0, 3):.2f}%"
        parts.append(f"{it} {v} {c}")
    return ch([" | ", "  ", " \u25b2 ", " \u00b7 "]).join(parts)


def utility(k: int = 1) -> list[tuple[str, str]]:
    return [(x, "utility") for x in R.sample(P(MENU_EXTRA), k)]


def related_items(k: int, teasers: bool = False, times: bool = False) -> list[tuple[str, str]]:
    out = []
    for _ in range(k):
        h = ch(RELATED_HANDWRITTEN) if R.random() < 0.5 else ch(RELATED_TEMPLATES)()
        if R.random() < 0.15:
            h = h + " " + ch(["\u2192", "\u00bb", "(video)", "- opinion", "[LIVE]"])
        out.append((h, "related"))
        if teasers and R.random() < 0.6:
            out.append((ch(TEASERS), "related"))
        if times and R.random() < 0.6:
            out.append((ch(TIMEAGO), "dateline"))
    return out


def related_block(site: str, section: str, k: int | None = None, **kw) -> list[tuple[str, str]]:
    head = ch(RELATED_HEADINGS).format(site=site, section=section)
    return [(head, "related")] + related_items(k or R.randint(2, 6), **kw)


def readmore() -> tuple[str, str]:
    h = ch(RELATED_HANDWRITTEN) if R.random() < 0.5 else ch(RELATED_TEMPLATES)()
    return (f"{ch(READMORE_PREFIX)} {h}", "related")


def newsletter_box() -> list[tuple[str, str]]:
    k = R.randint(1, 4)
    return [(x, "newsletter") for x in R.sample(P(NEWSLETTER), k)]


def cookie_box() -> list[tuple[str, str]]:
    return [(x, "cookie") for x in R.sample(P(COOKIE), R.randint(1, 3))]


# --------------------------------------------------------------------------- page assembly

SITE_NAME = "Site"
YEAR = 2020
TITLE = ""


def body_units(article: dict, md: bool = False) -> list[tuple[str, str]]:
    out = []
    for kind, text in article["blocks"]:
        if kind == "subheading":
            out.append((("## " if md else "") + text, "subheading"))
        elif kind == "bullet":
            out.append((ch(["- ", "\u2022 ", "* "]) + text if not md else "- " + text, "bullet"))
        else:
            out.append((text, "body"))
    return out


def mid_inserts(style: str) -> list[tuple[str, str]]:
    """A random piece of chrome placed between body paragraphs."""
    r = R.random()
    if r < 0.25:
        return [(ch(AD), "ad")]
    if r < 0.45:
        return caption_lines()
    if r < 0.62:
        return [readmore()]
    if r < 0.72:
        return newsletter_box()
    if r < 0.80:
        return related_block(SITE_NAME, "Business", k=R.randint(2, 3))
    if r < 0.86:
        return [(ch(PIXEL), "pixel")]
    if r < 0.93:
        return [(ch(["Listen to this article", "Listen \u00b7 4:12 min", "Play audio",
                     f"Watch: {ch(SCENES)[:-1]} ({num(0, 5)}:{num(10, 59)})", "Video",
                     "Loading video...", "Story continues below", "Click to enlarge",
                     "Tap to expand", "Scroll to continue"]), "media")]
    return [(ch(AD), "ad"), (ch(PIXEL), "pixel")]


def with_inserts(units: list, style: str, rate: float) -> list:
    out = []
    body_seen = 0
    for u in units:
        out.append(u)
        if u[1] == "body":
            body_seen += 1
            if body_seen >= 1 and R.random() < rate:
                out.extend(mid_inserts(style))
    return out


def build_page(article: dict, style: str, british: bool) -> tuple[list[tuple[str, str]], dict]:
    """Return ([(text, kind)], meta). A ("", "blank") item marks a paragraph break."""
    global TITLE
    TITLE = article["title"]
    d = dt.date(R.randint(2018, 2025), R.randint(1, 12), R.randint(1, 28))
    site = SITE_NAME
    section = article["topic"].capitalize()
    md = style == "markdown"
    u: list[tuple[str, str]] = []
    meta = {"published": d.isoformat(), "source": site, "title": article["title"]}
    title = ("# " if md else "") + article["title"]
    body = body_units(article, md=md)

    if style == "wordpress":
        u += [(site, "site"), (ch(["Just another news site", "News, views and numbers",
                                   "Independent reporting since 2009", "Your local business news"]), "site")]
        u += menu_lines()
        u += [(title, "title"), (f"Posted on {d.strftime('%B')} {d.day}, {d.year} by {ch(['admin', 'editor', 'newsdesk'])}", "dateline")]
        u += with_inserts(body, style, 0.15)
        u += tags_lines()
        u += [(SHARE[0](), "share")] if R.random() < 0.5 else [(ch(SHARE)(), "share")]
        u += related_block(site, section, times=True)
        u += comment_section(d)
        u += [(ch(FOOTER)(), "footer") for _ in range(R.randint(1, 3))]
    elif style == "uk_paper":
        u += utility(1) + cookie_box() + [(site, "site")] + menu_lines()
        u += [(title, "title")] + byline(site) + [(dateline(d, True), "dateline")]
        u += with_inserts(body, style, 0.3)
        u += tags_lines() + [(ch(["Reuse this content", "Explore more on these topics",
                                  "Share on Facebook", "Most viewed"]), "utility")]
        u += related_block(site, section, teasers=R.random() < 0.5)
        u += [(ch(FOOTER)(), "footer") for _ in range(R.randint(2, 4))]
    elif style == "wire":
        u += [(f"{site} \u2014 {section}", "site")]
        if R.random() < 0.5:
            u += menu_lines()
        u += [(title, "title")] + byline(site) + [(dateline(d, british), "dateline")]
        if R.random() < 0.5:
            u += [(ch(["5 min read", "3 min read", "Listen to this article"]), "utility")]
        u += with_inserts(body, style, 0.15)
        u += end_credits()
        u += [(ch(SHARE)(), "share")]
        u += [(ch(["Read Next", "Read next", "More from " + site]), "related")] + related_items(R.randint(2, 4), times=True)
        u += [(ch(FOOTER)(), "footer")]
    elif style == "cable":
        u += menu_lines() + [(dateline(d, False), "dateline")] if R.random() < 0.5 else menu_lines()
        if not any(k == "dateline" for _, k in u):
            u += [(title, "title")] + byline(site) + [(f"Updated: {hm12(R.randint(6, 22), R.randint(0, 59))} ET, {d.strftime('%a')} {d.strftime('%B')} {d.day}, {d.year}", "dateline")]
        else:
            u += [(title, "title")] + byline(site)
        u += with_inserts(body, style, 0.35)
        u += related_block(site, section)
        u += [(f"\u00a9 {d.year} {site}. All Rights Reserved.", "footer")]
        meta["published"] = d.isoformat()
    elif style == "markdown":
        secs = R.sample(P(SECTIONS), R.randint(3, 6))
        u += [(" | ".join(f"[{s}](/{s.lower().replace(' ', '-')})" for s in secs), "menu")]
        u += [(title, "title")]
        u += [(ch([f"*Published {d.day} {d.strftime('%B')} {d.year}*",
                   f"*By {ch(FIRST)} {ch(LAST)} \u00b7 {d.strftime('%B')} {d.day}, {d.year} \u00b7 {num(2, 12)} min read*",
                   f"_Published: {d.isoformat()}_",
                   f"**{d.strftime('%B')} {d.day}, {d.year}**"]), "dateline")]
        out = []
        for x in with_inserts(body, style, 0.2):
            if x[1] == "caption" and R.random() < 0.6:
                out.append((f"![{ch(SCENES)[:-1]}](https://img.example.com/{num(1000, 9999)}.jpg)", "caption"))
            out.append(x)
        u += out
        u += [("---", "footer")] + [(ch(["> **Sign up** for our weekly newsletter.",
                                         "*Enjoyed this? [Subscribe](/subscribe) for more.*",
                                         "**Related:** [" + ch(RELATED_HANDWRITTEN) + "](/related)"]), "newsletter")]
        u += [(f"\u00a9 {d.year} {site}", "footer")]
    elif style == "markets":
        u += [(ticker(), "ticker")] + [(ch(ADBLOCK), "adblock")] + [(site, "site")] + menu_lines()
        u += [(title, "title"), (dateline(d, british), "dateline")] + byline(site)
        u += [(ch(SHARE)(), "share")]
        u += with_inserts(body, style, 0.25)
        u += [(ch(["Disclaimer: This article is for information only and does not constitute investment advice.",
                   "This content is not financial advice. Past performance is no guide to future returns.",
                   "Data delayed by at least 15 minutes.",
                   "Quotes delayed at least 20 minutes. Market data provided by a third party.",
                   "The author holds no positions in the stocks mentioned."]), "disclaimer")]
        u += related_block(site, section, times=True)
        u += [(ch(FOOTER)(), "footer") for _ in range(R.randint(1, 3))]
    elif style == "local":
        u += [(site, "site"), (ch(["Weather 14°C", "Sunny, 22C", "Light rain 9°C", "Cloudy 17C"]), "utility"),
              (d.strftime("%A, %d %B %Y") if british else d.strftime("%A, %B ") + f"{d.day}, {d.year}", "dateline")]
        u += menu_lines() + [(title, "title")] + byline(site)
        u += with_inserts(body, style, 0.2)
        u += [(ch(SHARE)(), "share") for _ in range(R.randint(1, 3))]
        u += comment_section(d)
        u += related_block(site, section)
        u += [(ch(FOOTER)(), "footer") for _ in range(R.randint(1, 3))]
    elif style == "sport":
        u += menu_lines() + [(ch(["LIVE", "Scores", "Fixtures", "Results", "Tables"]), "menu")]
        u += [(title, "title"), (dateline(d, british), "dateline")] + byline(site)
        u += with_inserts(body, style, 0.25)
        u += [(ch(SHARE)(), "share")]
        u += related_block(site, "Sport", k=R.randint(3, 6), times=R.random() < 0.5)
        u += comment_section(d) if R.random() < 0.5 else []
        u += [(ch(FOOTER)(), "footer") for _ in range(R.randint(1, 2))]
    elif style == "science":
        u += [(site, "site"), (section if section != "Science" else "Space", "menu")]
        u += [(title, "title")] + byline(site) + [(dateline(d, british), "dateline")]
        u += caption_lines()
        u += with_inserts(body, style, 0.2)
        u += [(ch([f"Journal reference: Nature, DOI: 10.1038/s41586-0{num(10, 99)}-0{num(1000, 9999)}-{num(0, 9)}",
                   f"Journal reference: Science, vol {num(300, 390)}, p {num(100, 999)}",
                   f"This article appeared in print under the headline \u201c{ch(RELATED_HANDWRITTEN)}\u201d",
                   f"A version of this story appeared in the {d.strftime('%B')} {d.year} issue.",
                   "Sources: peer-reviewed study; university press office."]), "reference")]
        u += newsletter_box()
        u += related_block(site, section, teasers=True)
        u += [(ch(FOOTER)(), "footer") for _ in range(R.randint(1, 3))]
    elif style == "wrapped":
        u += [("[1]Skip to content", "utility"), (f"   [2]{site}", "site")]
        secs = R.sample(P(SECTIONS), R.randint(4, 7))
        u += [("   " + " ".join(f"[{i + 3}]{s}" for i, s in enumerate(secs)), "menu")]
        u += [(title, "title")] + byline(site) + [(dateline(d, british), "dateline")]
        u += with_inserts(body, style, 0.2)
        u += end_credits()
        u += related_block(site, section, teasers=R.random() < 0.5)
        u += cookie_box()
        u += [(ch(FOOTER)(), "footer") for _ in range(R.randint(1, 3))]
    elif style == "aggregator":  # test-only house style
        u += [(ch(["Listen to this article \u00b7 4:12 min", "Reading time: 3 minutes",
                   "Audio: listen now"]), "utility"),
              (f"Source: {site}", "site"), (title, "title")]
        u += [(ch([f"Originally published at {site.lower().replace(' ', '')}.com on {d.strftime('%B')} {d.day}, {d.year}",
                   f"{site} | {d.strftime('%b')} {d.day}, {d.year}",
                   f"{d.strftime('%d %b %Y')} \u2014 {site}"]), "dateline")]
        u += with_inserts(body, style, 0.25)
        u += [(ch(["This story has been syndicated from a partner site.",
                   "Content provided by a syndication partner.",
                   f"View the original story on {site}."]), "footer")]
        u += [(ch(SHARE)(), "share"), (ch(SHARE)(), "share")]
        u += [(ch(["Recommended", "More like this", "People also read"]), "related")] + related_items(R.randint(3, 5), teasers=True)
        u += cookie_box() + newsletter_box()
    elif style == "magazine":  # test-only house style
        u += [(site.upper(), "site"), (ch(["Subscribe", "Subscribe \u2192", "Give a gift"]), "utility")]
        u += menu_lines() + [(section.upper(), "menu"), (title, "title")]
        u += [(f"{ch(FIRST)} {ch(LAST)}".upper(), "byline"), (dateline(d, british).upper(), "dateline")]
        u += caption_lines()
        u += with_inserts(body, style, 0.3)
        u += [(ch(["\u25a0", "\u2666", "* * *"]), "footer")]
        u += end_credits() + [(ch(FOOTER)(), "footer")]
        u += related_block(site, section, times=True)
        u += [(ch(ADBLOCK), "adblock")]
    else:  # pragma: no cover
        raise ValueError(style)

    if R.random() < 0.25:  # cookie banner or ad blocker notice at the very end or start
        extra = cookie_box() if R.random() < 0.5 else [(ch(ADBLOCK), "adblock")]
        u = (extra + u) if R.random() < 0.5 else (u + extra)
    if R.random() < 0.2:
        u.insert(R.randint(0, 3), (ch(PIXEL), "pixel"))
    if not any(k == "dateline" for _, k in u):
        meta["published"] = None
    if not any(k == "site" for _, k in u) and not any(site in t for t, k in u if k == "footer"):
        meta["source"] = None
    return u, meta


CONTENT_KINDS = {"title", "body", "subheading", "bullet"}
VARIANTS = 2
TRAIN_STYLES = ["wordpress", "uk_paper", "wire", "cable", "markdown", "markets", "local",
                "sport", "science", "wrapped"]
TEST_ONLY_STYLES = ["aggregator", "magazine"]
TOPIC_STYLE = {"sport": ["sport", "local", "uk_paper"], "science": ["science", "wire"],
               "markets": ["markets", "wire"], "tech": ["markdown", "wordpress", "cable"]}


def render(units: list[tuple[str, str]], layout: str, width: int) -> list[dict]:
    """Lay the units out as lines: blank-separated, single-newline, or hard-wrapped."""
    lines: list[dict] = []
    for i, (text, kind) in enumerate(units):
        label = "content" if kind in CONTENT_KINDS else "noise"
        if layout == "wrapped" and len(text) > width:
            parts = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
        else:
            parts = [text]
        for p in parts:
            lines.append({"text": p, "label": label, "kind": kind})
        if layout in ("blank", "wrapped"):
            # noise of the same kind often sits in one block (menu items, comment form)
            nxt = units[i + 1][1] if i + 1 < len(units) else None
            same_block = nxt == kind and kind not in CONTENT_KINDS and R.random() < 0.7
            if kind == "related" and nxt in ("related", "dateline") and R.random() < 0.8:
                same_block = True
            if not same_block:
                lines.append({"text": "", "label": "blank", "kind": "blank"})
                if R.random() < 0.05:
                    lines.append({"text": "", "label": "blank", "kind": "blank"})
    while lines and lines[-1]["kind"] == "blank":
        lines.pop()
    # blank lines carry no label in the corpus: drop the helper label, keep them as ""
    out = []
    for ln in lines:
        if ln["kind"] == "blank":
            out.append({"text": "", "label": "noise", "kind": "blank"})
        else:
            out.append(ln)
    return out


def main() -> None:
    global SPLIT, SITE_NAME, YEAR
    articles = load_articles()
    order = list(range(len(articles)))
    R.shuffle(order)
    n_test = round(len(articles) * 0.2)
    test_ids = set(order[:n_test])
    records = []
    # every article is laid out twice, in two different house styles with fresh chrome;
    # both copies stay in the article's split, so no body text crosses train/test
    for i, art in enumerate(articles):
        SPLIT = "test" if i in test_ids else "train"
        used: list[str] = []
        for _variant in range(VARIANTS):
            site, british = R.choice(P(SITES))
            SITE_NAME = site
            YEAR = R.randint(2018, 2025)
            for _ in range(20):
                if SPLIT == "test" and R.random() < 0.45:
                    style = R.choice(TEST_ONLY_STYLES)
                else:
                    style = R.choice(TOPIC_STYLE.get(art["topic"], []) + TRAIN_STYLES)
                if style not in used:
                    break
            used.append(style)
            units, meta = build_page(art, style, british)
            if style == "wrapped":
                layout = "wrapped"
            elif style == "local" or R.random() < 0.15:
                layout = "single"
            else:
                layout = "blank"
            width = R.choice([64, 68, 72, 76, 80])
            lines = render(units, layout, width)
            rec = {"id": f"bp-{len(records) + 1:03d}", "split": SPLIT, "article": i + 1, "style": style,
                   "layout": layout, "meta": meta, "lines": lines}
            records.append(rec)
    with (HERE / "pages.jsonl").open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_lines = sum(1 for r in records for ln in r["lines"] if ln["kind"] != "blank")
    print(f"wrote {len(records)} pages ({sum(r['split'] == 'test' for r in records)} test), {n_lines} lines")


if __name__ == "__main__":
    main()
