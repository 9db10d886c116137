#!/usr/bin/python3
"""Derive the compact street-point file the demo-data generator places reads on.

Run once (needs Debian's python3-pyosmium); the output is committed so a fresh clone needs nothing from outside:
    /usr/bin/python3 tools/demo/derive_street_points.py ../shared/data/map/baltimore.osm.pbf resources/demo/streets.csv

Points are taken along named drivable ways inside the demo map's bounds, one every SPACING_M metres, so busy long
streets get more points than short lanes, as a patrol car's reads would. Coordinates are rounded to 5 decimals
(about a metre), which keeps the file small.
"""
import math
import sys

import osmium

BOUNDS = (-76.6081, 39.2586, -76.5288, 39.3065)  # west, south, east, north: the demo map
SPACING_M = 60.0
MAX_POINTS = 7000
DRIVABLE = {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
            "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link", "living_street"}


def inside(lon, lat):
    return BOUNDS[0] <= lon <= BOUNDS[2] and BOUNDS[1] <= lat <= BOUNDS[3]


def metres(a, b):
    dlat = (b[1] - a[1]) * 111_320.0
    dlon = (b[0] - a[0]) * 111_320.0 * math.cos(math.radians(a[1]))
    return math.hypot(dlat, dlon)


class Streets(osmium.SimpleHandler):
    def __init__(self):
        super().__init__()
        self.points = []

    def way(self, w):
        # A camera sees no plates in a tunnel it is not in; keep to streets.
        if w.tags.get("highway") not in DRIVABLE or "name" not in w.tags or w.tags.get("tunnel") == "yes":
            return
        name = w.tags["name"].replace(",", " ").replace('"', "").strip()
        try:
            coords = [(n.lon, n.lat) for n in w.nodes]
        except osmium.InvalidLocationError:
            return
        carried = SPACING_M / 2  # first point half a spacing in, so short ways still get one
        for a, b in zip(coords, coords[1:]):
            length = metres(a, b)
            while length > 0 and carried <= length:
                t = carried / length
                lon, lat = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
                if inside(lon, lat):
                    self.points.append((round(lat, 5), round(lon, 5), name))
                carried += SPACING_M
            carried -= length


def main():
    source, target = sys.argv[1], sys.argv[2]
    handler = Streets()
    handler.apply_file(source, locations=True)
    points = sorted(set(handler.points))
    if len(points) > MAX_POINTS:  # thin evenly, deterministic
        step = len(points) / MAX_POINTS
        points = [points[int(i * step)] for i in range(MAX_POINTS)]
    with open(target, "w", encoding="utf-8") as out:
        out.write("# Street points for alprctl demo-data. Derived from OpenStreetMap data, (c) OpenStreetMap "
                  "contributors, ODbL 1.0. See README.md.\n")
        out.write("lat,lon,street\n")
        for lat, lon, name in points:
            out.write(f"{lat:.5f},{lon:.5f},{name}\n")
    print(f"{len(points)} points -> {target}")


if __name__ == "__main__":
    main()
