"""High-precision rules naming the kind of boilerplate a unit is: :func:`rule_for` tests
one line (comment forms, share counters, captions, date lines, bylines, menus, cookie,
ad-blocker and newsletter notices, footers, tag lists, tracking pixels ...);
``_apply_rules`` adds the block rules over a page (headlines under a "Related articles"
heading, vertical menus, reader comments, header-zone bylines and site names)."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.normalize.locate import find_date

from .metadata import site_name_from_line
from .segment import _NORM_RE, _TERMINAL, MD_LINK, Unit, _is_long_para

__all__ = ["rule_for"]


def _rx(*parts: str) -> re.Pattern[str]:
    """The parts as one case-insensitive pattern, except that a class of capitals (``[A-Z]``, ``[A-Z&]``) still
    means a capital: "Copyright [A-Z]" is a notice ("Copyright Reuters"), not "Copyright disputes cost …"."""
    pattern = "|".join(f"(?:{p})" for p in parts)
    return re.compile(re.sub(r"\[A-Z([^\]a-z]*)\]", r"(?-i:[A-Z\1])", pattern), re.I)


def _norm(s: str) -> str:
    s = re.sub(r"^\[\d+\]", "", s.strip())
    s = re.sub(r"^[#>*_\s]+|[*_\s]+$", "", s)
    s = MD_LINK.sub(r"\1", s)
    return _NORM_RE.sub(" ", s).strip()


_COMMENT = _rx(
    r"^leave an? (?:reply|comment|response)\b.{0,20}$",
    r"^cancel reply$",
    r"your email(?: address)? will not be (?:published|shared)",
    r"required fields are marked",
    r"^(?:comment|name|e-?mail|website|url)\s*\*?$",
    r"^save my name,? e-?mail",
    r"^(?:post|submit|add|publish) (?:a |your )?comment$",
    r"comments? (?:are|is) (?:now )?closed",
    r"^commenting (?:is|has been) (?:closed|disabled)",
    r"comments have been (?:disabled|closed|turned off)",
    r"^\d+ (?:comments?|responses?|replies|thoughts? on)\b.{0,150}$",
    r"^(?:show|view|load|read|see) (?:all )?(?:\d+ )?(?:more )?(?:comments?|replies)(?: \(\d+\))?$",
    r"^(?:comments?|replies|discussion|responses) ?\(?\d*\)?$",
    r"^(?:sign|log) ?in to (?:comment|reply|join)",
    r"^join the (?:discussion|conversation|debate)\b.{0,3}$",
    r"must be logged in to (?:post a )?comment",
    r"\b(?:log ?in|sign ?in|register|subscribe)\b.{0,30}\bto (?:comment|reply|post a comment|join the discussion)\b",
    r"^\S+(?: \S+){0,3} (?:says|wrote|replied|commented):$",
    r"^\S+(?: \S+){0,3} on \d{1,2} \w{3,9} \d{4}(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]m)?)?:$",
    r"^\S+(?: \S+){0,2} \u2022 \d+\s*[smhdw]\w* ago$",
    r"^(?:in )?reply to\s+\S+(?: \S+)?$",
    r"^reply(?: to this comment)?$",
    r"^sort by (?:best|newest|oldest|top|most)",
    r"^\d+ (?:responses?|replies) to\b",
    r"^(?:be the first to comment|no comments yet)",
    r"^report (?:this )?comment$",
)
_SHARE_WORD = r"(?:share[sd]?|tweet|retweet|pin|pinterest|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|messenger|flipboard|copy|link|url|save|bookmark|comments?|likes?|\d++(?:[.,]\d++)?k?|[|\u00b7\u2022/-])"
# possessive digit runs: with ``\d+`` the ``{1,10}`` below could cut one run of digits into up to ten
# "numbers" in exponentially many ways ("148752000002000001000000.0m": 2.7 s; 35 characters: 45 s)
_SHARE = _rx(
    r"^(?:" + _SHARE_WORD + r"\s*){1,10}$",
    r"^(?:share|send|email|post|pin|tweet) (?:this|on|via|to|it|the)\b.{0,40}(?<![.!?\"\u201d])$",
    r"^click to (?:share|email|print)\b",
    r"^(?:copy|copied) (?:the )?link\b.{0,12}$",
    r"^save (?:for later|article|this (?:article|story))$",
    r"^gift (?:this )?(?:article|story)\b.{0,20}$",
    r"^send to a friend$",
    r"^share (?:or|and) comment\b.{0,30}$",
    r"\(opens in (?:a )?new window\)$",
)
_CAPTION = _rx(
    r"\b(?:photo|photograph|picture|image|pic|credit|photo credit)s?\s*(?::|\.\.\.|\u2026)\s*\S.{0,80}$",
    r"^\(?\[?(?:photo|photograph|picture|image|credit)s?\s*:.{0,80}$",
    r"\((?:ap |afp |reuters )?photo(?:graph)? by [^)]{2,60}\)\.?$",
    r"[.!?]\s+(?:photo|photograph|picture|image|video)s? (?:by|courtesy of|from) [A-Z][\w.'/& -]{2,50}$",
    r"^image (?:copyright|caption|source)\b",
    r"^(?:file )?(?:photo|image|picture)\s*:\s",
    r"\((?:[A-Z][\w&.' -]{1,30} )?via (?:getty images|reuters|ap|afp)\)\.?$",
    r"(?:^|\s)(?:\u00a9|\(c\))\s*[A-Z][\w&.' /-]{1,40}$",
    r"(?:[(/]\s*|[.!?]\s+)(?:getty images|shutterstock|alamy|afp|reuters|ap|ap photo|epa|pa|pa media|xinhua|rex features|"
    r"zuma|bloomberg|nurphoto|sopa images|anadolu|sipa|press association|handout)(?:\)\.?|)$",
    r"\s(?:getty images|shutterstock|alamy|ap photo|pa media|rex features|nurphoto|sopa images)$",
    r"^!\[[^\]]*\]\([^)]*\)$",
    r"[.!?]\s*\((?:[A-Z][\w&'.-]*)(?: [A-Z&][\w&'.-]*){0,4}\)$",
    r"^(?:chart|graphic|illustration|map|infographic|video|photo illustration)s?\s*:\s.{0,120}$",
    r"^(?:click|tap) (?:to|here to) (?:enlarge|expand|zoom)",
    r"^(?:getty images|reuters|ap|afp|epa|pa media|alamy|shutterstock|xinhua|bloomberg|handout|rex features|zuma|staff|"
    r"anadolu|sipa|nurphoto|sopa images|press association|courtesy of [\w .&-]{2,40}|[\w .&-]{2,30}/(?:getty images|reuters|ap|afp|epa))$",
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|author:?|reporting by|writing by|additional reporting by|"
    r"edited by|editing by|story by|text by|\u2014 ?with assistance from|with assistance from|"
    r"compiled by|interview by)\s+[A-Z\u00c0-\u024f][\w'\u2019.-]+(?:\s+[A-Z\u00c0-\u024f][\w'\u2019.-]+)",
    re.I,
)
_BYLINE_STOP = {"the", "this", "that", "then", "contrast", "comparison", "far", "now", "law",
                "mid", "late", "early", "end", "close", "midday", "noon", "monday", "tuesday",
                "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "christmas", "easter", "default", "design",
                "definition", "nature", "chance", "accident", "volume", "value", "itself",
                "themselves", "all", "some", "most", "one", "two", "many", "his", "her", "their",
                "its", "our", "my", "your", "a", "an", "and", "in", "on", "at", "to", "for", "making",
                "using", "cutting", "raising", "taking", "2020", "next", "last", "year", "way"}
_ROLE = re.compile(
    r"\b(?:staff (?:reporter|writer)|reporter|correspondent|editor|writer|contributor|columnist|"
    r"journalist|bureau chief|analyst at|special to)\b(?!['\u2019]s)",
    re.I,
)
_MENU_SEP = re.compile(r"\s+[|\u00b7\u2022\u00bb\u203a>/\u25b8\u2013\u2014:-]{1,2}\s+|\s{2,}|\s*[|\u00b7\u2022]\s*")
_LINKNUM = re.compile(r"\[\d+\]")
_AD = _rx(
    r"^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|sponsored links?|"
    r"promoted|promoted content|promoted stories|promoted links|paid content|paid post|"
    r"partner content|advertiser content|content from our partners|ad feature|"
    r"paid partnership)\s*[-:\u2013\u2014]?\s*(?:scroll to continue(?: with content)?|continue reading)?\.?$",
    r"^(?:story|article|text|content) continues (?:below|after)\b.{0,25}$",
    r"^continue reading(?: (?:below|the main story|after (?:the )?(?:ad|advertisement)))?\.?$",
    r"^scroll (?:down )?to continue\b.{0,30}$",
    r"^(?:sponsored|promoted|advertisement|ad|partner)\s*[:|\u2014-]\s*\S",
    r"^(?:ads?|promoted|recommended) by (?:teads|taboola|outbrain|google|revcontent)\b",
    r"^(?:shop now|buy now|deal|offer)\s*:\s",
)
_ADBLOCK = _rx(
    r"\bad[ -]?block(?:er|ers|ing)?\b",
    r"\bwhitelist(?:ing)? (?:us|our|this)\b",
    r"^whitelist us\b",
    r"\ballow ?list\b.{0,40}\b(?:ads?|site)\b",
    r"\b(?:pause|disable|turn off) your ad",
    r"\bblock(?:ing)? (?:ads|advertising)\b",
    r"\bad-free reading\b",
    r"\byou (?:seem to )?block ads\b",
    r"\bads? pay (?:for )?our\b",
    r"\badd us to your (?:allow ?list|whitelist|exceptions?|safe ?list)\b",
    r"\brel(?:y|ies|ying) on (?:ads|advertising|advertisers)\b.{0,60}\b(?:free|support|you|please)\b",
)
_COOKIE = _rx(
    r"\bcookies?\b.{0,80}\b(?:use|uses|accept|consent|settings?|preferences|policy|store|storing|agree|choices|necessary|allow|manage|learn more|improve|experience|personalis|personaliz|partners|analytics|deliver)\b",
    r"\b(?:use|uses|accept|consent|settings?|allow|store|manage|necessary|agree to (?:our|the) use of)\b.{0,40}\bcookies?\b",
    r"^(?:manage|privacy|consent|cookie) (?:preferences|settings|choices|options)$",
    r"^(?:accept|reject|decline|allow|deny) all\b.{0,15}$",
    r"^(?:accept|agree|i agree|i accept|ok|okay|got it|continue)[!.]?$",
    r"^(?:ok|okay),? (?:got it|i agree|thanks|i understand)[!.]?$",
    r"^we value your privacy\b",
    r"^your privacy (?:choices|options|settings)",
    r"^do not sell (?:or share )?my personal information",
    r"^we and our (?:\d+ )?partners\b",
    r"\bstor(?:e|ing) and(?:/or)? access information on (?:a|your) device\b",
)
_NEWSLETTER = _rx(
    r"\bnewsletters?\b",
    r"\bsign(?:ing)? ?up (?:for|to) (?:our|the|receive|get)\b",
    r"^sign me up\b",
    r"\benter (?:your|a valid) e-?mail\b",
    r"^(?:your )?e-?mail(?: address)?\s*\*?:?$",
    r"\bthanks? (?:you )?for (?:signing up|subscribing)\b",
    r"\bby (?:signing up|subscribing|clicking subscribe)\b",
    r"\bsuccessfully subscribed\b",
    r"\bvalid e-?mail\b",
    r"\b(?:in|to) your inbox\b",
    r"\bdelivered (?:to you )?(?:daily|weekly|every|twice|once|each)\b",
    r"^subscribe to (?:our|the)\b",
    r"^(?:get|start) (?:our|the|your)\b.{0,60}\b(?:briefing|digest|headlines|email)\b",
    r"\bwe will (?:not|never) share your e-?mail\b",
    r"^join [\d,.]+k? (?:readers|subscribers|people)\b",
    r"^(?:submit|subscribe|sign up)[.!]?$",
    r"^want more (?:stories|news|articles) like this\??",
    r"^don'?t miss a (?:story|thing)\b",
    r"\bsubscribe here\b",
    r"\bget (?:the next one|new posts|future posts|updates|it|them|every \w+) (?:by|via|in your) e-?mail\b",
)
_FOOTER = _rx(
    r"^(?:copyright\s*)?(?:\u00a9|\(c\))",
    r"^copyright\b(?:\s+(?:19|20)\d\d|\s+\u00a9|\s*:|\s+[A-Z])",
    r"\ball rights reserved\b",
    r"(?:\u00a9|\(c\)|copyright)\s*(?:19|20)\d\d\b.{0,80}$",
    r"\breproduction (?:is )?(?:prohibited|forbidden|not permitted)\b",
    r"^(?:privacy(?: policy| notice| settings)?|terms(?: of (?:use|service))?(?: and conditions)?|terms & conditions|"
    r"contact(?: us)?|about(?: us)?|back to top|cookie (?:policy|notice)|advertise(?: with us)?|sitemap|site ?map|"
    r"accessibility(?: statement| help)?|careers|work for us|help(?: cent(?:re|er))?|complaints|"
    r"corrections(?: policy)?|modern slavery (?:act )?statement|download (?:our|the) app|"
    r"manage cookies|licensing|syndication|reprints(?: & permissions)?|rss(?: feeds?)?|faq|"
    r"(?:our|editorial) (?:standards|policies)|code of conduct|ethics policy|"
    r"the trust principles)\.?$",
    r"^(?:proudly )?powered by (?:wordpress|ghost|drupal|squarespace|wix|substack)\b",
    r"^theme(?:\s*:|\s+by)\s",
    r"\bregistered in england(?: (?:and|&) wales)?\b",
    r"\bcompany (?:no|number|registration)\b",
    r"\bis (?:a )?(?:part|member|division|subsidiary) of (?:the )?[A-Z][\w&' -]{1,40} (?:media|group|holdings|network|publishing)\b",
    r"\bnot responsible for the content of external (?:sites|websites|links)\b",
    r"^our standards:",
    r"^(?:follow|find|like) us on (?:twitter|facebook|instagram|x|linkedin|tiktok)\b.{0,60}$",
    r"^(?:this|the) (?:story|article|content) (?:has been|was|is) (?:syndicated|provided)\b",
    r"^content provided by\b",
    r"^view the original (?:story|article)\b",
    r"^originally published (?:at|on|in)\b",
    r"^(?:---+|\*\s*\*\s*\*|_{3,}|={3,}|\u25a0|\u2666|\u2022{3})$",
)
_BIO_NAMED = re.compile(
    r"^[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2} (?:covers|writes about|reports on|writes for|has covered|edits)\b|"
    r"^[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2} is (?:a|an|the|our) [\w ,-]{0,50}"
    r"(?:reporter|correspondent|editor|writer|columnist|journalist|contributor)\b(?! (?:who|whose|which|that)\b)|"
    r"^[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2},? @\w{2,30}$"
)
_BIO_OTHER = _rx(
    r"^follow (?:\w+ )?(?:\w+ )?on (?:twitter|x|instagram|bluesky|threads|mastodon|linkedin)\b",
    r"^(?:contact|email|e-mail|reach) (?:the )?(?:author|reporter|writer|\w+) (?:at|on|via)\s",
    r"^(?:this article|this story|this report) was (?:produced|written|reported) with (?:help|assistance|additional reporting) from\b",
)


def _is_bio(s: str) -> bool:
    return bool(_BIO_NAMED.search(s) or _BIO_OTHER.search(s))


_DISCLAIMER = _rx(
    r"\bnot (?:intended as )?(?:financial|investment|legal|tax|medical) advice\b",
    r"\bdoes not constitute (?:investment|financial|legal) advice\b",
    r"\b(?:data|quotes|prices|market data)(?: are)? delayed (?:by )?(?:at least )?\d+ ?min",
    r"\bpast performance is (?:no|not a|not an) (?:guide|guarantee|indication)\b",
    r"\bthe (?:author|writer) (?:holds|has|owns) no (?:position|positions|shares)\b",
    r"^disclaimer\s*:",
    r"^(?:disclosure|conflict of interest)\s*:",
)
_REFERENCE = _rx(
    r"^journal reference\b",
    r"^(?:doi|references?)\s*:",
    r"\bappeared in (?:print|the print edition)\b",
    r"^a version of this (?:story|article|piece) (?:appeared|was published|ran)\b",
    r"^sources?\s*:\s.{0,120}$",
    r"^(?:correction|clarification)\s*:\s*(?:an earlier|a previous) version\b",
)
_PAYWALL = _rx(
    r"\b(?:free (?:articles?|stories)|(?:articles?|stories) (?:left|remaining))\b",
    r"\byou(?:'ve| have)? (?:read|reached|used)\b.{0,40}\b(?:free|limit)\b",
    r"\b(?:register|subscribe|sign up|log in|sign in)\b.{0,30}\bto (?:keep|continue) reading\b",
    r"^(?:already a (?:subscriber|member)|this (?:article|story|content) is (?:for|only available to) (?:subscribers|members))\b",
    r"^(?:subscribe|become a member) to (?:read|unlock|continue)\b",
    r"^(?:to continue reading|continue reading with)\b",
)
_SYNDICATION = _rx(
    r"^(?:this (?:article|story|post|piece) (?:was )?(?:originally |first )?(?:appeared|published)|"
    r"(?:originally|first) (?:appeared|published)) (?:on|in|at|by) [A-Z\w].{0,60}$",
    r"^republished (?:from|with|by|courtesy)\b.{0,80}$",
    r"\b(?:republished|reproduced|reprinted) with (?:kind )?permission\b",
    r"^(?:via|courtesy of)\s+[A-Z][\w&.' -]{1,40}$",
)
_SCRIPT = re.compile(
    r"^(?:var |let |const |function\s*\(|window\.|document\.|dataLayer|gtag\(|_gaq|googletag\.|"
    r"\(function\s*\(|\$\(|jQuery\(|<script|</script|<!--|-->|@media\s|\{\s*\"[\w@]+\"\s*:)|"
    r"^[\w$.]+\s*\(\s*[\[{].*[\]}]\s*\)\s*;?$|^[\w$.]+\s*=\s*[\[{'\"\d].*;$|=>\s*\{",
)
_TAGS = re.compile(
    r"^(?:tags|tagged(?: with)?|topics|related topics|filed under|posted in|categories|category|keywords|"
    r"more about|explore more on these topics)\s*(?:[:|]|$|\s+(?=[A-Z#]))",
    re.I,
)
_PIXEL = _rx(
    r"^\(?\[?\s*(?:tracking |ad |analytics )?(?:pixel|beacon|spacer|iframe|img|image|ad|advert|advertisement)(?: tag)?\s*\]?\)?\.?$",
    r"\b(?:tracking|analytics|ad|1x1) (?:pixel|beacon|image)\b",
    r"^(?:\S+ )?(?:pixel|trk|spacer|beacon|1x1|blank|clear|transparent)\.(?:gif|png|jpg)\)?$",
    r"^\[(?:img|image|iframe|ad|advert|advertisement|embed|video|tracking)[^\]]{0,40}\]$",
    r"^\(img\)",
    r"^image: 1x1",
    r"^noscript(?: image)?$",
    r"^\[?(?:tracking|pixel) (?:image|tag)\]?$",
)
_UTILITY = _rx(
    r"^(?:skip|jump) to (?:main )?(?:content|navigation|search|article)$",
    r"^(?:search|search\.\.\.|search the site|search (?:this )?site|search news)$",
    r"^(?:sign ?in|log ?in|log ?out|sign ?out|register|sign ?up|subscribe|subscribe now|join|join now)"
    r"(?:\s*(?:[|/]|or|and)\s*(?:sign ?in|log ?in|register|subscribe|sign ?up|join))?\s*[\u2192>]?$",
    r"^(?:main |close |open |toggle )?(?:menu|navigation|nav)(?: close| open)?$",
    r"^(?:my account|account|profile|settings|notifications|newsletters|today'?s paper|print edition|e-?paper|"
    r"support us|donate|dark mode|light mode|get the app|follow us|follow|shop|become a member|"
    r"edition|international edition|give a gift|gift subscriptions?|saved articles?)$",
    r"^edition\s*[:|]",
    r"^(?:sign ?in|log ?in|register|my account|sign ?up)\s*[|/\u00b7\u2022]\s*\S.{0,60}$",
    r"^(?:listen|play audio|audio)\b.{0,30}$",
    r"^listen to (?:this|the) (?:article|story)\b.{0,30}$",
    r"^\d+ ?(?:min(?:ute)?s?|m) read$",
    r"^reading time\s*:",
    r"^(?:watch|video|loading(?: video)?|loading\.\.\.|play video|watch now|now playing)(?:\.\.\.)?$",
    r"^(?:show|load|see|view) (?:more|all|less)\b.{0,20}$",
    r"^(?:text size|font size|a a a|aa|print this page|print article|reuse this content|"
    r"most viewed|explore more|save|saved|close|expand|collapse)$",
    r"^(?:weather|sunny|cloudy|rain|light rain|showers|clear)\b[\s,]*-?\d{1,2}\s*\u00b0?\s*[CF]\b.{0,20}$",
    r"^(?:sunny|cloudy|light rain|rain|showers|clear|overcast|fog),? -?\d{1,2}\s*\u00b0?[CF]$",
    r"^(?:subscribe|try|get)\b.{0,30}\bfor (?:just )?[$\u00a3\u20ac]\d",
    r"^(?:subscribe|join|sign up)\b.{0,30}\b(?:save|off|discount)\b.{0,20}$",
    r"^try \d+ (?:weeks?|months?|days?) for\b",
    r"^accessibility help$",
    r"^\[\d+\]",
    r"^(?:live|breaking|breaking news|just in|exclusive|trending)\s*:?$",
    r"^(?:scores|fixtures|results|tables|standings)$",
)
_READMORE = re.compile(
    r"^(?:read more|read also|also read|related|related reading|see also|you may also like|"
    r"you might also like|more|read|don't miss|dont miss|recommended|more on this(?: story)?|watch|"
    r"listen|also|also on \w+|breaking|latest|video|audio|podcast|gallery|photos|in pictures|live)\s*(?::|-|\u2013|\u2014|\u00bb|>)\s*\S",
    re.I,
)
_RELATED_HEAD = re.compile(
    r"^(?!.*[.!?][\"'\u201d]?$)(?:related(?: articles?| stories| posts?| content| coverage| news| links| reading| topics| videos?)?|"
    r"read (?:more|next|this next)|more (?:from|on|in|like this|stories|news|to read)\b.{0,40}|"
    r"(?:you )?(?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| reading| articles)?|"
    r"most (?:read|popular|viewed|shared|commented|watched)(?: (?:today|now|this week|on \S.{0,30}))?|"
    r"trending(?: now| stories| today| topics| on \S.{0,30})?|top (?:stories|news|headlines)|"
    r"latest(?: news| stories| headlines| from \S.{0,30})?|editor'?s (?:picks|choice)|"
    r"what to read next|further reading|popular(?: now| today| stories| (?:on|in) \S.{0,30})?|"
    r"also (?:on|in|from) \S.{0,40}|also in the news|in other news|around the web|from around the web|"
    r"don'?t miss|people also (?:read|viewed|liked)|you may have missed|elsewhere(?: on \S.{0,30})?|"
    r"in case you missed it|more headlines|more for you|top picks|suggested (?:reading|articles)|"
    r"more like this|related posts|similar (?:stories|articles)|other (?:stories|news|articles|headlines)|"
    r"keep reading|read on|popular right now|trending right now|what'?s popular|"
    r"(?:you may|you might) (?:also )?be interested in)\s*:?$|^more (?-i:[A-Z][\w&-]*)$",
    re.I,
)
_TIMEAGO = re.compile(
    r"^(?:updated\s+)?(?:\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)\s+ago|"
    r"an? (?:hour|minute|day|week) ago|just now|yesterday|today|\d+\s*(?:m|h|d)|\d+ ?min(?:ute)?s? read)$",
    re.I,
)
_DATELINE_PREFIX = re.compile(
    r"^(?:updated|published|posted|last updated|last modified|first published|modified|date|"
    r"pub(?:lished)? date|originally published|issued|released)\b\s*(?:on|at)?\s*:?",
    re.I,
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DATE_RESIDUE = re.compile(
    r"\b(?:" + _WEEKDAY + r"|at|on|the|am|pm|a\.m\.|p\.m\.|et|edt|est|pt|pdt|pst|ct|cdt|cst|gmt|bst|utc|cet|cest|"
    r"ist|aest|jst|hkt|sgt|updated|published|posted|last|modified|first|date|local time|time)\b|"
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|[|,\u2022\u00b7/\u2014\u2013()\-:]|\bh\b",
    re.I,
)


def _is_dateline(s: str) -> bool:
    if _TIMEAGO.match(s):
        return True
    if len(s) > 120:
        return False
    hit = find_date(s)
    if hit is None:
        return False
    residue = s[: hit[1]] + " " + s[hit[2]:]
    residue = _DATE_RESIDUE.sub(" ", residue)
    words = [w for w in residue.split() if re.search(r"\w", w)]
    if _DATELINE_PREFIX.match(s):
        return len(words) <= 8 and not _TERMINAL.search(s.rstrip("*_"))
    if len(words) <= 1 or (len(words) <= 4 and bool(re.match(r"^by\b", " ".join(words), re.I))):
        return True
    # "Metro Dispatch | Aug 18, 2024": the rest is a capitalised name
    return len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("the", "of", "&", "and") for w in words) \
        and bool(re.search(r"[|\u2014\u2013\u00b7\u2022]", s))


def _is_byline(s: str) -> bool:
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if re.match(r"^(?i:words|text|by|author|authors|reporter|reporting|writer|written by)\s*:\s*[A-Z][\w'\u2019.-]+"
                r"(?:\s+[A-Z][\w'\u2019.-]+){1,3}(?:\s*(?:,|and|&)\s*[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3})*$", s):
        return True
    words = s.split()
    credits = bool(re.match(r"^(?:additional )?(?:reporting|writing|editing|research) by\b", s, re.I))
    if len(words) > (25 if credits else 14) or (s.endswith(".") and not re.search(r"\b[A-Z]\.$", s)):
        if not (s.startswith("(") and s.endswith(".)")):
            return False
    m = _BYLINE.match(s)
    if m:
        after = s[m.start(0):].split()
        # the words right after "By": both must be capitalised and not a common word
        idx = 1
        for pre in ("written", "words", "reporting", "writing", "additional", "edited", "editing",
                    "story", "text", "compiled", "interview", "with", "\u2014"):
            if after and after[0].lower() == pre:
                idx = 2
                break
        if after[0].lower() in ("additional",) or after[0] == "\u2014":
            idx = 3
        name = [w.strip(",.;:").lower() for w in after[idx: idx + 2]]
        if not name or any(w in _BYLINE_STOP or w.isdigit() for w in name):
            return False
        return True
    if re.match(r"^\(?[A-Z][\w'.-]+ [A-Z][\w'.-]+(?: [A-Z][\w'.-]+)? reported (?:from|in)\b.{0,40}\.?\)?$", s):
        return True
    if len(words) <= 9 and _ROLE.search(s) and not _TERMINAL.search(s) and not s.endswith(":"):
        caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        return caps >= len(words) - 2
    return False


# a line of Markdown links with optional separators; possessive quantifiers, so no backtracking (a line of
# 16 links with runs of spaces between them took for ever with plain ones: each link multiplied the work)
_MENU_LINKS = re.compile(r"(?:\s*+[|\u00b7\u2022]?+\s*+\[[^\]]{1,40}\]\([^)]*+\))++\s*+")


_FIGURE_CELL = re.compile(r"[-(]?[$\u00a3\u20ac]?\d[\d,.]*%?\)?")


def _is_menu(s: str) -> bool:
    if len(_LINKNUM.findall(s)) >= 2:
        return True
    if s.count("](") >= 2 and _MENU_LINKS.fullmatch(s):
        return True
    parts = [p for p in _MENU_SEP.split(s) if p and p.strip()]
    if len(parts) < 3 and not (len(parts) == 2 and "|" in s and s.count("|") == 1 and all(len(p.split()) <= 2 for p in parts)):
        return False
    limit = 5 if len(parts) >= 4 else 4
    if any(len(p.split()) > limit or _TERMINAL.search(p.strip()) for p in parts):
        return False
    if sum(bool(_FIGURE_CELL.fullmatch(p.strip())) for p in parts) >= 2:
        return False  # "Net profit    1,234    1,100": a table row with figures in its columns, not a menu
    if sum(1 for p in parts if p.strip()[:1].isupper() or p.strip()[:1].isdigit() or p.strip()[:1] in "$\u00a3\u20ac+-#") < len(parts) - 1:
        return False
    return True


_SECTION_WORDS = frozenset(
    "home news world business tech technology markets politics sport sports science opinion culture "
    "video videos podcasts health climate travel lifestyle money economy latest live companies property "
    "weather football cricket tennis rugby golf arts education environment books food cars investing "
    "crypto gadgets reviews space obituaries puzzles jobs more uk us asia europe africa americas "
    "elections energy entertainment style fashion music film tv media".split()
) | {"personal finance", "middle east", "world news", "uk news", "us news", "business news",
     "tech news", "sport news", "breaking news", "top stories", "latest news", "formula 1"}


def _is_tags(s: str) -> bool:
    if _TAGS.match(s) and len(s.split()) <= 25 and not _TERMINAL.search(s):
        return True
    toks = s.split()
    return len(toks) >= 2 and all(t.startswith("#") and len(t) > 1 for t in toks)


_SITE_TAGLINE = re.compile(r"\s(?:[|\u2014\u2013\u00b7]|-)\s")
_NAME_ORG = re.compile(r"[A-Z][a-z'\u2019-]+ (?:[A-Z]\. )?[A-Z][a-z'\u2019-]+(?:-[A-Z][a-z]+)?, (?:the |The )?[A-Z][\w&'-]*(?: [A-Z&][\w&'-]*){0,3}")
_BARE_NAME = re.compile(r"(?:Dr |Prof\.? )?[A-Z][a-z'\u2019-]+(?: [A-Z]\.)?(?: [A-Z][a-z'\u2019-]+){1,2}")
_CAPS_LABEL = re.compile(r"[A-Z][A-Z&'.-]+(?: [A-Z&][A-Z&'.-]*){0,2}")
_AGENCY_ONLY = re.compile(
    r"(?:getty images|reuters|ap|afp|epa|pa|pa media|alamy|shutterstock|xinhua|bloomberg|handout|rex features|zuma|"
    r"anadolu|sipa|nurphoto|sopa images|press association|staff|courtesy of .{2,40}|[\w .&-]{2,30}/(?:getty images|reuters|ap|afp|epa))",
    re.I,
)
_COMMENT_HEAD = re.compile(
    r"^\S+(?: \S+){0,3} (?:says|said|wrote|replied|commented):$|\u2022 \d+\s*[smhdw]\w* ago$|"
    r"^\S+(?: \S+){0,3} on \d{1,2} \w{3,9} \d{4}(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]m)?)?:$",
    re.I,
)


def _is_related_item(s: str) -> bool:
    """A short headline-like line (inside a related-articles block)."""
    words = s.split()
    if not words or len(words) > 22 or len(s) > 160:
        return False
    if (_TERMINAL.search(s) or s.endswith(":")) and not s.endswith(("...", "?", "?\u201d")) \
            and not re.search(r"\b(?:[ap]\.m|Inc|Co|Corp|Ltd|Jr|Sr|St|U\.S|U\.K|No)\.$", s):
        return False
    return True


_RULES: list[tuple[str, Any]] = [
    ("comment", _COMMENT.search),
    ("cookie", _COOKIE.search),
    ("adblock", _ADBLOCK.search),
    ("newsletter", _NEWSLETTER.search),
    ("share", _SHARE.search),
    ("ad", _AD.search),
    ("pixel", _PIXEL.search),
    ("footer", _FOOTER.search),
    ("tags", _is_tags),
    ("paywall", _PAYWALL.search),
    ("syndication", _SYNDICATION.search),
    ("script", _SCRIPT.search),
    ("bio", _is_bio),
    ("disclaimer", _DISCLAIMER.search),
    ("reference", _REFERENCE.search),
    ("caption", _CAPTION.search),
    ("caption", lambda s: bool(re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", s))),
    ("dateline", _is_dateline),
    ("byline", _is_byline),
    ("menu", _is_menu),
    ("menu", lambda s: s.lower().rstrip(" :\u203a>\u00bb") in _SECTION_WORDS),
    ("utility", _UTILITY.search),
    ("readmore", _READMORE.search),
    ("related", _RELATED_HEAD.match),
    ("ticker", lambda s: len(re.findall(r"[+\-\u2212]\d+(?:[.,]\d+)?%", s)) >= 2 and not _TERMINAL.search(s)),
    ("footer", lambda s: bool(re.fullmatch(
        r"\d{1,5}[a-z]? [A-Z][\w'-]+(?: [A-Z][\w'-]+)? (?:Street|St|Road|Rd|Square|Avenue|Ave|Lane|Place|Way|Drive|"
        r"Boulevard|Blvd|Court|Row|Quay|Wharf)(?:,\s*[A-Z][\w.' -]{1,30}|,?\s*[A-Z]{1,2}\d[\w ]{1,6}){0,3}", s))),
    ("site", lambda s: bool(re.match(r"^(?:source|via|publisher)\s*:\s*\S", s, re.I)) and len(s.split()) <= 8),
]
# notices talk to the reader ("we use cookies", "your ad blocker", "sign up"); news does not
_ADDRESSED_RULES = {"cookie", "adblock", "newsletter", "paywall", "disclaimer"}
_ADDRESS = re.compile(
    r"\b(?:we|we're|we've|our|ours|us|you|you're|you've|your|please|this (?:site|website|page|blog|article|content)|"
    r"sign ?up|subscribe|click here|whitelist|disable|register|log ?in|"
    r"not (?:intended as )?(?:financial|investment) advice|does not constitute|delayed|past performance|the author|"
    r"free (?:daily |weekly )?(?:e-?mail|newsletter|briefing|digest))\b",
    re.I,
)
_NOTICE_VOCAB = re.compile(
    r"\b(?:cookies?|ads?|advert\w*|ad[ -]?block\w*|subscri\w+|sign ?(?:in|up)|log ?in|register|newsletter|"
    r"browser|javascript|privacy|consent|free articles?|paywall|app)\b",
    re.I,
)


def _is_notice(s: str) -> bool:
    """A line talking to the reader about the site itself (ads, cookies, log-in ...)."""
    return bool(_ADDRESS.search(s) and _NOTICE_VOCAB.search(s))


_DOMINANCE_RULES = _ADDRESSED_RULES | {"comment", "bio", "syndication"}
_RAW_RULES = {"menu", "tags", "caption", "script"}
_LONG_LIMIT = {"cookie": 45, "adblock": 40, "newsletter": 30, "comment": 40, "caption": 40, "footer": 40,
               "bio": 45, "disclaimer": 45, "reference": 45}


def rule_for(line: str) -> str | None:
    """The name of the first single-line rule that marks ``line`` as noise, else None."""
    s = _norm(line)
    if not s:
        return None
    raw = re.sub(r"^\[\d+\]", "", line.strip())
    if len(s) <= 40:
        s = re.sub(r"^[-\u2013\u2014\u2022*~=\s]+(?=\w)|(?<=\w)[-\u2013\u2014\u2022*~=\s]+$", "", s) or s
    n_words = len(s.split())
    for name, test in _RULES:
        if n_words > _LONG_LIMIT.get(name, 30):
            continue
        try:
            if test(s) or (name in _RAW_RULES and raw != s and test(raw)):
                if name in _DOMINANCE_RULES and n_words >= 12 and not _dominates(test, s):
                    continue  # a body paragraph that merely ends with a disclaimer, say
                if name in _ADDRESSED_RULES and n_words > 8 and not _ADDRESS.search(s):
                    continue  # third-person news about cookies, ad blockers or newsletters
                return name
        except Exception:  # pragma: no cover - defensive
            continue
    return None


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c(])")


def _dominates(test, s: str) -> bool:
    """False when a multi-sentence line is mostly sentences the rule does not match
    (12+ words of them, more than the matching ones): a body paragraph that ends with
    "Not investment advice", say, rather than a notice."""
    sents = [x.strip() for x in _SENT_SPLIT.split(s) if x.strip()]
    if len(sents) < 2:
        return True
    hit_words = miss_words = 0
    for x in sents:
        try:
            matched = bool(test(x))
        except Exception:  # pragma: no cover
            matched = False
        if matched:
            hit_words += len(x.split())
        elif not _ADDRESS.search(x):  # sentences talking to the reader are neutral
            miss_words += len(x.split())
    return not (miss_words >= 12 and miss_words > hit_words)


def _apply_rules(units: list[Unit]) -> list[str | None]:
    """Rule names per unit, including the two block rules: the related-headlines
    block after a "Related articles" style heading, and vertical menus."""
    hits = [rule_for(u.text) for u in units]
    n = len(units)
    norm = [_norm(u.text) for u in units]
    uses_blank = any(u.blank_before for u in units[1:])
    long_before = [False] * n
    seen = False
    for k in range(n):
        long_before[k] = seen
        seen = seen or (hits[k] is None and _is_long_para(norm[k]))

    def title_guard(j: int) -> bool:
        # a title-like line followed by a byline/date line, before any body: not a related item
        if long_before[j] or len(norm[j].split()) < 3:
            return False
        return any(hits[k] in ("byline", "dateline") for k in range(j + 1, min(n, j + 3)))

    i = 0
    while i < n:
        if not _RELATED_HEAD.match(norm[i]):
            i += 1
            continue
        if len(norm[i].split()) == 1 and i > 0 and not units[i].blank_before and len(norm[i - 1].split()) <= 2 \
                and hits[i - 1] in (None, "menu") and not _RELATED_HEAD.match(norm[i - 1]):
            i += 1  # "Latest" inside a vertical menu, not a heading
            continue
        hits[i] = "related"
        j = i + 1
        prev_item = False
        while j < n:
            u, s = units[j], norm[j]
            if hits[j] is not None and hits[j] not in ("related", "readmore", "dateline", "utility", "caption"):
                break  # a different kind of chrome starts
            if _TIMEAGO.match(s) or hits[j] == "dateline":
                hits[j] = hits[j] or "related"
                j += 1
                continue
            if _is_related_item(s):
                if title_guard(j):
                    break
                if u.blank_before and j > i + 1:
                    nxt = norm[j + 1] if j + 1 < n else None
                    if nxt is not None and _is_long_para(nxt):
                        break  # a subheading before the article resumes
                hits[j] = "related"
                prev_item = True
                j += 1
                continue
            # a one-sentence teaser under a headline, in the same block
            if uses_blank and prev_item and not u.blank_before and len(s.split()) <= 20 and _TERMINAL.search(s):
                hits[j] = "related"
                prev_item = False
                j += 1
                continue
            break
        i = j

    # a bare site name among the first lines, when a proper title follows before the body
    first_long = next((k for k in range(n) if hits[k] is None and _is_long_para(norm[k])), n)
    for k in range(min(8, first_long)):
        if hits[k] is not None or len(norm[k].split()) > 10 or site_name_from_line(norm[k]) is None:
            continue
        if len(norm[k].split()) > 5 and not _SITE_TAGLINE.search(norm[k]):
            continue
        if any(hits[j] is None and _title_like(norm[j]) and len(norm[j].split()) >= 4 for j in range(k + 1, first_long)):
            hits[k] = "site"

    # header zone (before the body starts): "Jane Doe, The Daily Ledger" bylines and
    # short all-caps labels ("TECHWIRE", "ENERGY", "FATIMA DOE")
    for k in range(first_long):
        if hits[k] is None and (_NAME_ORG.fullmatch(norm[k]) or _CAPS_LABEL.fullmatch(norm[k])):
            hits[k] = "byline" if "," in norm[k] or len(norm[k].split()) > 1 else "menu"

    for k in range(first_long):
        if hits[k] is None and _BARE_NAME.fullmatch(norm[k]) and norm[k].lower() not in _SECTION_WORDS and any(
            hits[j] in ("dateline", "share") for j in (k - 1, k + 1) if 0 <= j < n
        ):
            hits[k] = "byline"

    # a caption line directly above a bare credit line ("Reuters", "Getty Images")
    for k in range(n - 1):
        if hits[k] is None and hits[k + 1] == "caption" and _AGENCY_ONLY.fullmatch(norm[k + 1]) \
                and len(norm[k].split()) <= 25 and not units[k + 1].blank_before:
            hits[k] = "caption"

    # reader comments: the text under a "jdoe says:" / "jdoe • 3h ago" header
    for k in range(n):
        if hits[k] != "comment" or not _COMMENT_HEAD.search(norm[k]):
            continue
        for j in range(k + 1, min(n, k + 4)):
            if hits[j] is not None:
                if hits[j] in ("dateline", "comment") and not _COMMENT_HEAD.search(norm[j]):
                    hits[j] = "comment" if hits[j] == "comment" else hits[j]
                    continue
                break
            if len(norm[j].split()) > 60:
                break
            hits[j] = "comment"

    # vertical menus: 3+ consecutive one- or two-word lines without final punctuation
    k = 0
    while k < n:
        j = k
        while j < n and _menu_item(norm[j]) and not (j + 1 < n and _is_long_para(norm[j + 1])):
            j += 1
        if j - k >= 3:
            for m in range(k, j):
                hits[m] = hits[m] or "menu"
        k = max(j, k + 1)
    return hits


def _menu_item(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= 2 and len(s) <= 30 and not _TERMINAL.search(s) and not s.endswith(":") \
        and not re.fullmatch(r"[\d.,%$\u00a3\u20ac-]+", s)


def _title_like(s: str) -> bool:
    words = s.split()
    if not 2 <= len(words) <= 25 or len(s) > 200:
        return False
    if s.endswith((".", ":", ",", ";")) and not s.endswith("..."):
        return False
    return any(c.isalpha() for c in s)
