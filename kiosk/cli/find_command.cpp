// kiosk sync find [--seconds N] [--key-id ID]
// The fair hubs announcing themselves on the LAN (DNS-SD, scoring/dnssd.h), to try discovery by
// hand: each hub's name, its address as --hub takes it, its fair key id and protocol.
#include "kiosk/cli/commands.h"

#include "scoring/dnssd.h"

#include <charconv>
#include <ostream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk sync find [--seconds N] [--key-id ID]\n"
    "Lists the fair hubs announced on the LAN, waiting at most N seconds (default 5).\n"
    "With --key-id, only the hub of the fair with that key id.\n";

struct FindOptions {
    int seconds = 5;
    std::string key_id;
};

bool Parse(const std::vector<std::string>& args, FindOptions& options, std::ostream& err) {
    for (size_t i = 0; i < args.size(); i += 2) {
        if (i + 1 >= args.size())
            return err << "kiosk sync find: " << args[i] << " needs a value\n" << kUsage, false;
        const std::string& value = args[i + 1];
        if (args[i] == "--key-id") {
            options.key_id = value;
        } else if (args[i] == "--seconds") {
            const auto [end, ec] =
                std::from_chars(value.data(), value.data() + value.size(), options.seconds);
            if (ec != std::errc() || end != value.data() + value.size() || options.seconds < 1 ||
                options.seconds > 600)
                return err << "kiosk sync find: --seconds takes a number from 1 to 600\n", false;
        } else {
            return err << "kiosk sync find: unexpected \"" << args[i] << "\"\n" << kUsage, false;
        }
    }
    return true;
}

// Why nothing can be listed, in words for the organiser.
const char* Explain(scoring::dnssd::BrowseError error) {
    using scoring::dnssd::BrowseError;
    switch (error) {
    case BrowseError::NoDaemon:
        return "avahi-daemon is not running on this machine: start it, or give --hub HOST:PORT";
    case BrowseError::Failed:
        return "avahi could not browse";
    case BrowseError::Timeout:
        return "no answer in time";
    case BrowseError::NothingFound:
        return "no hub announces itself on this network (is the hub running? does the network block "
               "multicast? "
               "then give --hub HOST:PORT)";
    case BrowseError::NoHubForThisFair:
        return "hubs were found, none of them for the fair with this key id";
    case BrowseError::None:
        break;
    }
    return "";
}

} // namespace

int SyncFind(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    FindOptions options;
    if (!Parse(args, options, err)) return 2;
    namespace dnssd = scoring::dnssd;
    const std::chrono::seconds timeout(options.seconds);
    const dnssd::BrowseResult result =
        options.key_id.empty() ? dnssd::Browse(timeout) : dnssd::FindHub(options.key_id, timeout);
    for (const dnssd::FoundHub& hub : result.hubs)
        out << hub.name << "\n  --hub " << hub.HostPort() << "  (" << hub.host << ")  key id "
            << (hub.fair_key_id.empty() ? "none" : hub.fair_key_id) << ", protocol " << hub.protocol_version
            << "\n";
    if (result.error == dnssd::BrowseError::None) return 0;
    if (result.error == dnssd::BrowseError::Timeout && !result.hubs.empty()) return 0; // some answered
    err << "kiosk sync find: " << Explain(result.error);
    if (result.error == dnssd::BrowseError::Failed && !result.detail.empty())
        err << " (" << result.detail << ")";
    err << "\n";
    return 1;
}

} // namespace kiosk::cli
